/** GET /api/scenarios (the built-ins) and GET /api/scenarios/:name (YAML text and the parsed scenario). */
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { builtinScenarioNames } from '../../io/load-scenario.js';
import { builtinScenario } from '../scenario-input.js';

export function scenarioRoutes(app: Hono): void {
  app.get('/api/scenarios', (c) =>
    c.json(
      builtinScenarioNames().map((name) => {
        const { scenario } = builtinScenario(name);
        return {
          name,
          title: scenario.title ?? null,
          description: scenario.description ?? null,
          start: scenario.start,
          end: scenario.end,
          sites: scenario.sites.map((s) => ({
            id: s.id,
            name: s.name ?? null,
            state: s.location.state,
            region: s.region,
            interconnectMW: s.interconnectMW,
            accelerators: [...new Set(s.phases.map((p) => p.accelerator))],
          })),
        };
      }),
    ),
  );
  app.get('/api/scenarios/:name', (c) => {
    const { scenario, raw, file } = builtinScenario(c.req.param('name'));
    return c.json({ name: c.req.param('name'), yaml: readFileSync(file, 'utf8'), raw, scenario });
  });
}
