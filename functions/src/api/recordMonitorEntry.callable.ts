/** recordMonitorEntry: area monitors (issue 13, docs/monitors.md). */
import { ZRecordMonitorEntryInput } from '@canbo/model';
import { getMonitorUseCases } from '../services/monitors';
import { callable } from './handler';

export const recordMonitorEntry = callable(ZRecordMonitorEntryInput, (actor, input) =>
  getMonitorUseCases().recordMonitorEntry(actor, input),
);
