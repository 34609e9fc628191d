/**
 * `npm run bench:reports [-- --scale 1]`: the board's reports for Nghệ An
 * (province 40) on this machine (issue 13: the whole-province report in under
 * 30 s).
 *
 * Starts its own Firestore emulator on a free port, seeds the province at full
 * scale (as bench:quarterly does: about 10,000 people, their unit statistics,
 * movements and the results of a past quarter), then generates each report
 * for the whole province as its job runs it (generateReport, then the job's
 * steps in this process, as Cloud Tasks would dispatch them), and one
 * commune's biên chế report answered while the caller waits. Prints for each
 * the wall time, the units covered, the table's rows and the Firestore reads
 * (the emulator's counter, and the store's own count). Figures, not a timed
 * test.
 */
import { parseArgs } from 'node:util';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import type { TGenerateReportInput } from '@canbo/model';
import type { Actor } from '../../functions/src/lib/actor';
import { systemClock, today } from '../../functions/src/lib/clock';
import { defaultDeps } from '../../functions/src/lib/deps';
import { generateReport, LocalReportQueue, reportDeps } from '../../functions/src/services/reports';
import { pastQuarters } from '../seed/evaluations';
import { seedProvince } from '../seed/seed';
import { startEmulator } from './emulator-process';

const PROJECT = 'demo-bench-reports';
const TARGET_S = 30;

let base = '';
async function operations(): Promise<{ reads: number; writes: number }> {
  const res = (await (await fetch(`${base}/emulator/v1/projects/${PROJECT}/operations`)).json()) as Record<
    string,
    number
  >;
  return { reads: res.documentReads ?? 0, writes: res.documentWrites ?? 0 };
}
async function resetOperations(): Promise<void> {
  await fetch(`${base}/emulator/v1/projects/${PROJECT}/operations`, { method: 'DELETE' });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
  const { child, port } = await startEmulator();
  base = `http://127.0.0.1:${port}`;
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  process.env.METADATA_SERVER_DETECTION = 'none';
  try {
    const db = getFirestore(initializeApp({ projectId: PROJECT }));
    const asOf = today(systemClock);
    const seeded = await seedProvince(db, { provinceCode: '40', scale: Number(values.scale), seed: 3, asOf });
    const [evaluated] = pastQuarters(asOf);
    const year = Number(asOf.slice(0, 4));
    console.log(
      `Nghệ An (40) at scale ${values.scale}: ${seeded.counts.cadres} people, seeded in ${seeded.seconds.toFixed(1)} s`,
    );
    const admin: Actor = {
      uid: 'bench-admin',
      role: 'province_admin',
      province: '40',
      communes: [],
      cadreId: null,
    };
    const runs: [string, TGenerateReportInput][] = [
      ['biên chế by block, every commune', { kind: 'staffing', scope: 'province', year }],
      [
        'reinforcement of communes',
        { kind: 'reinforcement', scope: 'province', from: `${year - 1}-01-01`, to: asOf },
      ],
      [
        'movements by type and status',
        { kind: 'movements', scope: 'province', from: `${year - 1}-01-01`, to: asOf },
      ],
      [
        `evaluation levels per unit, ${evaluated}`,
        { kind: 'evaluations', scope: 'province', quarter: evaluated },
      ],
    ];
    console.log('\nwhole-province reports (generateReport, then the job’s steps):');
    let slowest = 0;
    for (const [label, input] of runs) {
      const queue = new LocalReportQueue();
      const deps = reportDeps(db, defaultDeps, queue);
      await resetOperations();
      const t = performance.now();
      const started = await generateReport(deps, admin, input);
      const steps = await queue.drain(deps);
      const seconds = (performance.now() - t) / 1000;
      slowest = Math.max(slowest, seconds);
      const ops = await operations();
      const report = (await deps.reports.find(started.id))!;
      const rows = report.table?.groups.reduce((n, g) => n + g.rows.length, 0) ?? 0;
      console.log(
        `  ${label}: ${report.state} in ${seconds.toFixed(1)} s, ${report.progress.total} units, ${steps} step(s), ` +
          `${rows} rows, ${report.parts} part(s); Firestore ${ops.reads} reads (${deps.reports.reads} by the report's store), ${ops.writes} writes`,
      );
    }
    const units = await reportDeps(db).reports.unitsOfProvince('40');
    const commune = units.find((u) => u.level === 'commune')!;
    const deps = reportDeps(db, defaultDeps, new LocalReportQueue());
    await resetOperations();
    const t = performance.now();
    const one = await generateReport(
      deps,
      {
        uid: 'bench-commune',
        role: 'commune_admin',
        province: '40',
        communes: [commune.code],
        cadreId: null,
      },
      { kind: 'staffing', scope: 'commune', year },
    );
    const ops = await operations();
    console.log(
      `one commune (${commune.name}), biên chế, answered at once: ${one.state} in ${((performance.now() - t) / 1000).toFixed(2)} s; ` +
        `Firestore ${ops.reads} reads, ${ops.writes} writes`,
    );
    console.log(
      `target: the whole-province report in < ${TARGET_S} s: ${slowest < TARGET_S ? 'met' : 'NOT met'} (slowest ${slowest.toFixed(1)} s)`,
    );
  } finally {
    child.kill();
  }
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
