/**
 * `npm run evaluate -- --period 2026-Q3 --province 40 [--local] [--parallel 6]`
 *
 * Starts (or resumes) the run of a province's quarter, as the runEvaluation
 * callable and the quarterly schedule do, and shows its progress until it
 * ends. When `npm start` is running (the Cloud Tasks emulator answers on
 * 127.0.0.1:9499), the unit tasks go through its real task queue to the
 * `evaluateUnit` function of the Functions emulator, and this script follows
 * the run document. Otherwise, or with --local, the tasks run in this
 * process against the Firestore emulator named by FIRESTORE_EMULATOR_HOST
 * (default 127.0.0.1:8080). docs/evaluation-job.md.
 */
import * as net from 'node:net';
import { parseArgs } from 'node:util';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { evaluationRunId, Quarter } from '@canbo/model';
import { CloudTasksQueue } from '../functions/src/data/task-queue';
import { defaultDeps, evaluationDeps } from '../functions/src/services';
import { startRun } from '../functions/src/services/evaluation';
import { LocalQueue } from '../functions/src/services/evaluation/local-queue';

const TASKS = { host: '127.0.0.1', port: 9499 };

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

function bar(done: number, total: number, note = ''): void {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stdout.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} đơn vị / units ${note}`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      period: { type: 'string' },
      province: { type: 'string' },
      local: { type: 'boolean', default: false },
      parallel: { type: 'string', default: '6' },
      project: { type: 'string', default: 'demo-canbo' },
    },
  });
  const period = Quarter.safeParse(values.period);
  if (!period.success || !values.province || !/^\d{2}$/.test(values.province)) {
    console.error('Cách dùng / usage: npm run evaluate -- --period 2026-Q3 --province 40 [--local]');
    process.exit(2);
  }
  process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
  const useStack = !values.local && (await reachable(TASKS.host, TASKS.port));
  if (useStack) process.env.CLOUD_TASKS_EMULATOR_HOST = `${TASKS.host}:${TASKS.port}`;
  const db = getFirestore(initializeApp({ projectId: values.project }));
  const queue = useStack ? new CloudTasksQueue() : new LocalQueue();
  const deps = evaluationDeps(db, defaultDeps, queue);
  const started = Date.now();
  const run = await startRun(deps, {
    period: period.data,
    provinceCode: values.province,
    by: 'npm run evaluate',
  });
  console.log(
    `Đánh giá quý ${period.data}, tỉnh ${values.province} / evaluating ${period.data} for province ${values.province}: ` +
      `${run.resumed ? 'tiếp tục / resumed' : 'bắt đầu / started'} ${run.runId} (generation ${run.generation}), ` +
      `${run.enqueued} of ${run.total} units ${useStack ? 'through the Cloud Tasks emulator' : 'in this process'}`,
  );
  const jobRef = deps.evaluations.jobs().doc(evaluationRunId(period.data, values.province));
  if (queue instanceof LocalQueue) {
    await queue.drain(deps, {
      parallel: Number(values.parallel),
      onDone: async () => {
        const job = (await jobRef.get()).data();
        if (job) bar(job.progress.done, job.progress.total);
      },
    });
  }
  for (;;) {
    const job = (await jobRef.get()).data();
    if (!job) throw new Error(`no run document ${jobRef.path}`);
    bar(job.progress.done, job.progress.total);
    if (job.state === 'succeeded' || job.state === 'failed') {
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `\n${job.state === 'succeeded' ? 'Xong / done' : 'Lỗi / failed'} in ${seconds.toFixed(1)} s: ` +
          JSON.stringify(job.result ?? {}) +
          (job.error ? ` — ${job.error}` : ''),
      );
      process.exit(job.state === 'succeeded' ? 0 : 1);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
