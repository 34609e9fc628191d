/** The yearly carry-over's schedule, as Cloud Scheduler and `npm start`'s local scheduler read it. */
import { carryOverQuotasYearly } from '../../../functions/src/jobs/carryOverQuotas.scheduler';

test('runs on 1 January at 00:05 in Vietnam', () => {
  const endpoint = (carryOverQuotasYearly as unknown as { __endpoint: { scheduleTrigger: unknown } })
    .__endpoint;
  expect(endpoint.scheduleTrigger).toMatchObject({
    schedule: '1 of jan 00:05',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
});
