/** assignMonitor: area monitors (issue 13, docs/monitors.md). */
import { ZAssignMonitorInput } from '@canbo/model';
import { getMonitorUseCases } from '../services/monitors';
import { callable } from './handler';

export const assignMonitor = callable(ZAssignMonitorInput, (actor, input) =>
  getMonitorUseCases().assignMonitor(actor, input),
);
