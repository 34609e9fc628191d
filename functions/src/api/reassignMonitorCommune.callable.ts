/** reassignMonitorCommune: area monitors (issue 13, docs/monitors.md). */
import { ZReassignMonitorCommuneInput } from '@canbo/model';
import { getMonitorUseCases } from '../services/monitors';
import { callable } from './handler';

export const reassignMonitorCommune = callable(ZReassignMonitorCommuneInput, (actor, input) =>
  getMonitorUseCases().reassignMonitorCommune(actor, input),
);
