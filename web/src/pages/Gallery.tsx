/** The scenario gallery: every built-in scenario with its sites, regions and period. */
import { useEffect, useState } from 'preact/hooks';
import { listScenarios, type ScenarioListItem } from '../api';
import { useTitle } from '../title';
import { fmt } from '../units';

export function Gallery() {
  const [list, setList] = useState<ScenarioListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle('Scenarios');
  useEffect(() => {
    listScenarios().then(setList, (e: Error) => setError(e.message));
  }, []);
  const heading = <h1>Scenarios</h1>;
  if (error)
    return (
      <div>
        {heading}
        <p class="error">{error}</p>
      </div>
    );
  if (!list)
    return (
      <div>
        {heading}
        <p>Loading scenarios…</p>
      </div>
    );
  return (
    <div>
      {heading}
      <p class="lede">
        Pick a campus to see what it draws hour by hour, what it emits, how much water it uses, what it costs
        and how much compute it delivers. Every number is simulated in your browser from real weather, grid
        and price data.
      </p>
      <div class="gallery" data-testid="gallery">
        {list.map((s) => (
          <a class="card" key={s.name} href={`#/campus/${s.name}`} data-testid={`scenario-${s.name}`}>
            <h2>{s.title ?? s.name}</h2>
            <p class="sub">
              <code>{s.name}</code> · {s.start} → {s.end}
            </p>
            <ul>
              {s.sites.map((x) => (
                <li key={x.id}>
                  {x.name ?? x.id} ({x.state}, {x.region}): {fmt.power(x.interconnectMW)} interconnect,{' '}
                  {x.accelerators.join(', ')}
                </li>
              ))}
            </ul>
            {s.description && (
              <p class="desc">
                {s.description.length > 220 ? `${s.description.slice(0, 217)}…` : s.description}
              </p>
            )}
          </a>
        ))}
      </div>
      <p>
        <a href="#/compare">Compare two scenarios side by side →</a>
      </p>
    </div>
  );
}
