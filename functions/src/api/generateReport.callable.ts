/** generateReport({ kind, scope, communeCode?, year?, from?, to?, quarter?, requestId? }) — docs/reports.md */
import { ZGenerateReportInput } from '@canbo/model';
import { getReportDeps, generateReport as generate } from '../services/reports';
import { callable } from './handler';

export const generateReport = callable(
  ZGenerateReportInput,
  (actor, input) => generate(getReportDeps(), actor, input),
  {
    op: 'generateReport',
  },
);
