/**
 * `npm run bench -- intake [rounds]`: measured on a dev stack the bench starts itself (embedded
 * PostgreSQL, Temporal dev server, the API and a worker in this process, an SMTP sink). Figures are
 * ratios against a baseline measured in the same run, because these machines are shared and noisy.
 */
import { runApiBench } from './api';
import { runBurstBench } from './burst';
import { runIntakeBench } from './intake';
import { runLatenessBench } from './lateness';
import { runLifeBench } from './life';
import { runOpenItemsBench } from './open-items';
import { runParserBench } from './parser';
import { runReportsBench } from './reports';
import { runRiskBench } from './risk';
import { runThroughputBench } from './throughput';
import { runWebListBench } from './web-list';
import { runWorkersBench } from './workers';

const [name = 'intake', rounds = '5'] = process.argv.slice(2);
const benches: Record<string, (rounds: number) => Promise<void>> = {
  intake: runIntakeBench,
  lateness: () => runLatenessBench(),
  'web-list': runWebListBench,
  parser: runParserBench,
  reports: () => runReportsBench(),
  api: () => runApiBench(),
  throughput: () => runThroughputBench(),
  burst: () => runBurstBench(),
  workers: () => runWorkersBench(),
  'open-items': () => runOpenItemsBench(),
  life: () => runLifeBench(),
  risk: (years) => runRiskBench(years),
};
const bench = benches[name];
if (!bench) {
  console.error(`Unknown bench "${name}"; known: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
bench(Number(rounds)).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
