/**
 * The results store: an embedded DuckDB database (one file) holding every run and sweep.
 *
 *   runs     (id, kind 'run'|'sweep', scenario, title, created_at, version, seed, samples, status
 *             'running'|'done', scenario_json, report_json)
 *   metrics  (run_id, metric, value)             the run's totals and economics (a sweep: P5/P50/P95
 *                                                 as `metric.p5` …)
 *   samples  (run_id, job, point, sample, kind 'input'|'output', name, value)   one row per sample
 *                                                 input or output, ingested from Parquet pieces
 *   hourly   (run_id, site, time_utc, <HOURLY_COLUMNS>)                       on request (--hourly)
 *
 * DuckDB allows one read-write process per file, so only the coordinator writes: sweep results are
 * batched into Parquet pieces next to the database (`<file>.pieces/`), each ingested in one
 * transaction and then deleted. A crash leaves the database readable with every ingested batch; a
 * piece written but not yet ingested is picked up the next time the store is opened.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { SiteHourly } from '../../engine/site-hourly.js';
import { hourlyParquet } from '../export.js';

export interface RunRow {
  readonly id: number;
  readonly kind: 'run' | 'sweep';
  readonly scenario: string;
  readonly title: string | null;
  readonly createdAt: string;
  readonly version: string;
  readonly seed: number | null;
  readonly samples: number | null;
  readonly status: 'running' | 'done';
  /** Samples stored so far (sweeps). */
  readonly samplesStored: number;
}

export interface NewRun {
  readonly kind: 'run' | 'sweep';
  readonly scenario: string;
  readonly title?: string;
  readonly version: string;
  readonly seed?: number;
  readonly samples?: number;
  readonly scenarioJson: unknown;
}

export interface SampleRow {
  readonly job: number;
  readonly point: number;
  readonly sample: number;
  readonly inputs: readonly (readonly [string, number])[];
  readonly outputs: Readonly<Record<string, number | null>>;
}

const SCHEMA = `
CREATE SEQUENCE IF NOT EXISTS run_ids START 1;
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY DEFAULT nextval('run_ids'), kind VARCHAR NOT NULL, scenario VARCHAR NOT NULL,
  title VARCHAR, created_at TIMESTAMP NOT NULL, version VARCHAR NOT NULL, seed BIGINT, samples INTEGER,
  status VARCHAR NOT NULL, scenario_json VARCHAR NOT NULL, report_json VARCHAR);
CREATE TABLE IF NOT EXISTS metrics (run_id INTEGER NOT NULL, metric VARCHAR NOT NULL, value DOUBLE);
CREATE TABLE IF NOT EXISTS samples (run_id INTEGER NOT NULL, job INTEGER NOT NULL, point INTEGER NOT NULL,
  sample INTEGER NOT NULL, kind VARCHAR NOT NULL, name VARCHAR NOT NULL, value DOUBLE);
`;

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export class RunStore {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  /** Opens (creating if needed) the store at `path`, and ingests pieces left by an interrupted sweep. */
  static async open(path: string): Promise<RunStore> {
    mkdirSync(dirname(path), { recursive: true });
    let instance: DuckDBInstance | undefined;
    // Another gigawatt process may hold the file's write lock for a moment (one writer per file):
    // retry for up to ~5 s before giving up.
    for (let attempt = 0; instance === undefined; attempt++) {
      try {
        instance = await DuckDBInstance.create(path);
      } catch (err) {
        const message = (err as Error).message;
        if (attempt < 25 && /lock/i.test(message)) {
          await new Promise((r) => setTimeout(r, 200));
          continue;
        }
        throw new Error(`cannot open the results store ${path}: ${message.split('\n')[0]}`);
      }
    }
    const conn = await instance.connect();
    await conn.run(SCHEMA);
    const store = new RunStore(path, instance, conn);
    await store.ingestPieces();
    return store;
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }

  private get piecesDir(): string {
    return `${this.path}.pieces`;
  }

  async createRun(run: NewRun): Promise<number> {
    const r = await this.conn.runAndReadAll(
      `INSERT INTO runs (kind, scenario, title, created_at, version, seed, samples, status, scenario_json)
       VALUES ($kind, $scenario, $title, now()::TIMESTAMP, $version, $seed, $samples, 'running', $json) RETURNING id`,
      {
        kind: run.kind,
        scenario: run.scenario,
        title: run.title ?? null,
        version: run.version,
        seed: run.seed ?? null,
        samples: run.samples ?? null,
        json: JSON.stringify(run.scenarioJson),
      },
    );
    return Number(r.getRows()[0]?.[0]);
  }

  /** Marks a run done with its report (summary or sweep report) and its flat metrics. */
  async finishRun(
    id: number,
    report: unknown,
    metrics: Readonly<Record<string, number | null>>,
  ): Promise<void> {
    await this.conn.run('BEGIN TRANSACTION');
    try {
      await this.conn.run(`UPDATE runs SET status = 'done', report_json = $json WHERE id = $id`, {
        id,
        json: JSON.stringify(report),
      });
      await this.conn.run('DELETE FROM metrics WHERE run_id = $id', { id });
      const appender = await this.conn.createAppender('metrics');
      for (const [k, v] of Object.entries(metrics)) {
        appender.appendInteger(id);
        appender.appendVarchar(k);
        if (v === null || !Number.isFinite(v)) appender.appendNull();
        else appender.appendDouble(v);
        appender.endRow();
      }
      appender.closeSync();
      await this.conn.run('COMMIT');
    } catch (err) {
      await this.conn.run('ROLLBACK');
      throw err;
    }
  }

  /** Writes a batch of sweep samples as a Parquet piece and ingests it (one transaction). */
  async addSamples(id: number, rows: readonly SampleRow[]): Promise<void> {
    if (rows.length === 0) return;
    mkdirSync(this.piecesDir, { recursive: true });
    const cols = {
      run: [] as number[],
      job: [] as number[],
      point: [] as number[],
      sample: [] as number[],
      kind: [] as string[],
      name: [] as string[],
      value: [] as (number | null)[],
    };
    const push = (r: SampleRow, kind: string, name: string, value: number | null) => {
      cols.run.push(id);
      cols.job.push(r.job);
      cols.point.push(r.point);
      cols.sample.push(r.sample);
      cols.kind.push(kind);
      cols.name.push(name);
      cols.value.push(value === null || !Number.isFinite(value) ? null : value);
    };
    for (const r of rows) {
      for (const [p, v] of r.inputs) push(r, 'input', p, v);
      for (const [k, v] of Object.entries(r.outputs)) push(r, 'output', k, v);
    }
    const buf = parquetWriteBuffer({
      columnData: [
        { name: 'run_id', data: Int32Array.from(cols.run), type: 'INT32', nullable: false },
        { name: 'job', data: Int32Array.from(cols.job), type: 'INT32', nullable: false },
        { name: 'point', data: Int32Array.from(cols.point), type: 'INT32', nullable: false },
        { name: 'sample', data: Int32Array.from(cols.sample), type: 'INT32', nullable: false },
        { name: 'kind', data: cols.kind, type: 'STRING', nullable: false },
        { name: 'name', data: cols.name, type: 'STRING', nullable: false },
        { name: 'value', data: cols.value, type: 'DOUBLE', nullable: true },
      ],
    });
    const file = join(this.piecesDir, `run-${id}-job-${rows[0]?.job}-${process.pid}-${Date.now()}.parquet`);
    writeFileSync(file, new Uint8Array(buf));
    await this.ingestPieces();
  }

  /** Ingests every Parquet piece waiting next to the database, each in its own transaction. */
  async ingestPieces(): Promise<number> {
    if (!existsSync(this.piecesDir)) return 0;
    let n = 0;
    for (const f of readdirSync(this.piecesDir)
      .filter((x) => x.endsWith('.parquet'))
      .sort()) {
      const file = join(this.piecesDir, f);
      await this.conn.run('BEGIN TRANSACTION');
      try {
        await this.conn.run(
          `INSERT INTO samples SELECT run_id, job, point, sample, kind, name, value FROM read_parquet(${sqlString(file)})`,
        );
        await this.conn.run('COMMIT');
      } catch (err) {
        await this.conn.run('ROLLBACK');
        throw err;
      }
      rmSync(file);
      n++;
    }
    return n;
  }

  /** Stores the hourly series of each site (written as Parquet, read by DuckDB). */
  async addHourly(id: number, sites: readonly SiteHourly[]): Promise<void> {
    mkdirSync(this.piecesDir, { recursive: true });
    for (const s of sites) {
      const file = join(this.piecesDir, `hourly-${id}-${s.siteId}-${process.pid}.tmp`);
      writeFileSync(file, new Uint8Array(hourlyParquet(s)));
      const src = `read_parquet(${sqlString(file)})`;
      await this.conn.run(
        `CREATE TABLE IF NOT EXISTS hourly AS SELECT 0::INTEGER AS run_id, ''::VARCHAR AS site, * FROM ${src} LIMIT 0`,
      );
      await this.conn.run(`INSERT INTO hourly SELECT $id::INTEGER, $site::VARCHAR, * FROM ${src}`, {
        id,
        site: s.siteId,
      });
      rmSync(file);
    }
  }

  async listRuns(limit = 50): Promise<RunRow[]> {
    const r = await this.conn.runAndReadAll(
      `SELECT r.id, r.kind, r.scenario, r.title, strftime(r.created_at, '%Y-%m-%d %H:%M:%S') AS created,
              r.version, r.seed, r.samples, r.status,
              (SELECT count(DISTINCT job) FROM samples s WHERE s.run_id = r.id)::INTEGER AS stored
       FROM runs r ORDER BY r.id DESC LIMIT $limit`,
      { limit },
    );
    return r.getRowObjectsJson().map((o) => ({
      id: Number(o.id),
      kind: o.kind as RunRow['kind'],
      scenario: String(o.scenario),
      title: (o.title as string | null) ?? null,
      createdAt: String(o.created),
      version: String(o.version),
      seed: o.seed === null ? null : Number(o.seed),
      samples: o.samples === null ? null : Number(o.samples),
      status: o.status as RunRow['status'],
      samplesStored: Number(o.stored),
    }));
  }

  async getRun(id: number): Promise<(RunRow & { scenarioJson: unknown; report: unknown }) | undefined> {
    const rows = await this.listRuns(1_000_000);
    const row = rows.find((r) => r.id === id);
    if (!row) return undefined;
    const r = await this.conn.runAndReadAll('SELECT scenario_json, report_json FROM runs WHERE id = $id', {
      id,
    });
    const [scenarioJson, reportJson] = (r.getRows()[0] ?? []) as [string, string | null];
    return {
      ...row,
      scenarioJson: JSON.parse(scenarioJson),
      report: reportJson ? JSON.parse(reportJson) : null,
    };
  }

  async metrics(id: number): Promise<Record<string, number | null>> {
    const r = await this.conn.runAndReadAll(
      'SELECT metric, value FROM metrics WHERE run_id = $id ORDER BY metric',
      { id },
    );
    return Object.fromEntries(r.getRows().map(([k, v]) => [String(k), v === null ? null : Number(v)]));
  }

  /** Output values of each stored sample of a sweep: job → metric → value. */
  async sampleOutputs(id: number): Promise<Map<number, Record<string, number | null>>> {
    const r = await this.conn.runAndReadAll(
      `SELECT job, name, value FROM samples WHERE run_id = $id AND kind = 'output' ORDER BY job`,
      { id },
    );
    const out = new Map<number, Record<string, number | null>>();
    for (const [job, name, value] of r.getRows()) {
      const j = Number(job);
      const rec = out.get(j) ?? {};
      rec[String(name)] = value === null ? null : Number(value);
      out.set(j, rec);
    }
    return out;
  }

  /** Exports a run's rows of every table to DIR/<table>.parquet; returns the files written. */
  async exportParquet(id: number, dir: string): Promise<string[]> {
    mkdirSync(dir, { recursive: true });
    const tables = ['runs', 'metrics', 'samples'];
    const hourly = await this.conn.runAndReadAll(
      "SELECT count(*) FROM information_schema.tables WHERE table_name = 'hourly'",
    );
    if (Number(hourly.getRows()[0]?.[0]) > 0) tables.push('hourly');
    const written: string[] = [];
    for (const t of tables) {
      const file = join(dir, `${t}.parquet`);
      const key = t === 'runs' ? 'id' : 'run_id';
      await this.conn.run(
        `COPY (SELECT * FROM ${t} WHERE ${key} = ${Number(id)}) TO ${sqlString(file)} (FORMAT parquet)`,
      );
      written.push(file);
    }
    return written;
  }
}
