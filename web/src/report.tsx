/**
 * The self-contained report (`gigawatt report`): the campus views of one run rendered from data
 * embedded in the HTML file, with no worker, no fetch and no network.
 */
import { render } from 'preact';
import { decodeTyped } from '../../src/io/typed-json';
import { Results } from './pages/Results';
import type { RunView } from './protocol';
import './style.css';

interface Embedded {
  readonly generated: string;
  readonly version: string;
  readonly yaml: string;
  readonly regions: string[];
  readonly run: RunView;
}

const el = document.getElementById('gigawatt-data') as HTMLScriptElement;
const data = decodeTyped(JSON.parse(el.textContent ?? '{}')) as Embedded;
const s = data.run.summary;

function Report() {
  return (
    <>
      <nav>
        <span class="brand" style="color:var(--nav-brand);font-weight:700">
          gigawatt report
        </span>
        <span style="color:var(--nav-fg)">
          {s.scenario} · generated {data.generated} by gigawatt {data.version}
        </span>
      </nav>
      <main class="page">
        <h1>{s.title ?? s.scenario}</h1>
        <Results run={data.run} regions={data.regions} />
        <details class="chart">
          <summary>Scenario (YAML)</summary>
          <pre style="font-size:12px;overflow:auto">{data.yaml}</pre>
        </details>
        <details class="chart">
          <summary>Every value used and its source ({s.assumptions.length})</summary>
          <table>
            <tbody>
              {s.assumptions.map((a) => (
                <tr key={a.path}>
                  <td>{a.path}</td>
                  <td>{`${a.value} ${a.unit}`}</td>
                  <td>{a.kind}</td>
                  <td>{a.basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </main>
    </>
  );
}

render(<Report />, document.getElementById('app') as HTMLElement);
