/** getMonitorReport: area monitors (issue 13, docs/monitors.md). */
import { ZGetMonitorReportInput } from '@canbo/model';
import { getMonitorUseCases } from '../services/monitors';
import { callable } from './handler';

export const getMonitorReport = callable(ZGetMonitorReportInput, (actor, input) =>
  getMonitorUseCases().getMonitorReport(actor, input),
);
