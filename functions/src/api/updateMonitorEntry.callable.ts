/** updateMonitorEntry: area monitors (issue 13, docs/monitors.md). */
import { ZUpdateMonitorEntryInput } from '@canbo/model';
import { getMonitorUseCases } from '../services/monitors';
import { callable } from './handler';

export const updateMonitorEntry = callable(ZUpdateMonitorEntryInput, (actor, input) =>
  getMonitorUseCases().updateMonitorEntry(actor, input),
);
