/**
 * `npm run bench -- risk [years]`: the late-risk forecast against the naive rule ("fewer than 3
 * working days left and not submitted") over synthetic years (bench/risk-world.ts), one seed per
 * year. Prints precision and recall of the forecast's top 10 % each morning and of the naive rule,
 * per year and pooled. No stack: the forecast is the pure domain function the API serves.
 */
import { pooled, runRiskWorld, type RiskWorldResult, type Score } from './risk-world';

const fixed = (x: number): string => x.toFixed(3);
const line = (s: Score): string =>
  `precision=${fixed(s.precision)} recall=${fixed(s.recall)} flagged=${s.flagged}`;

export function runRiskBench(years: number): Promise<void> {
  const results: RiskWorldResult[] = [];
  for (let seed = 1; seed <= years; seed++) {
    const r = runRiskWorld(seed);
    results.push(r);
    const ahead = r.forecast.precision > r.naive.precision && r.forecast.recall > r.naive.recall;
    console.log(
      `year ${seed}: items=${r.items} late=${r.lateItems} item-days=${r.evaluations} | ` +
        `forecast ${line(r.forecast)} | naive ${line(r.naive)}${ahead ? '' : ' | NOT AHEAD'}`,
    );
  }
  const all = pooled(results);
  const ahead = results.filter(
    (r) => r.forecast.precision > r.naive.precision && r.forecast.recall > r.naive.recall,
  ).length;
  console.log(
    `RESULT risk years=${years} forecast_precision=${fixed(all.forecast.precision)} ` +
      `forecast_recall=${fixed(all.forecast.recall)} naive_precision=${fixed(all.naive.precision)} ` +
      `naive_recall=${fixed(all.naive.recall)} years_ahead_on_both=${ahead}/${years}`,
  );
  return Promise.resolve();
}
