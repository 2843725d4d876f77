/**
 * The campus map, offline: US state outlines from us-atlas (pre-projected Albers USA, 975×610) and
 * the sites placed with d3-geo's geoAlbersUsa at the same scale and translation. Circle area is
 * proportional to the site's peak facility power (MW); colour is the grid region.
 */
import { geoAlbersUsa, geoPath } from 'd3-geo';
import { useMemo, useRef } from 'preact/hooks';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import states from 'us-atlas/states-albers-10m.json';
import { downloadCsv, downloadSvg, downloadSvgAsPng } from '../export';
import { t } from '../i18n';
import { C } from '../theme';
import { fmt, fmtNumber } from '../units';
import { ChartFrame } from './ChartFrame';
import { ChartTable } from './ChartTable';

export interface MapSite {
  readonly id: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly region: string;
  readonly peakFacilityMW: number;
  readonly label?: string;
}

/** Region colours, in order of the region list (palette of style.css, light and dark). */
const PALETTE = [
  C.blue,
  C.red,
  C.green,
  C.amberDark,
  C.violet,
  C.pink,
  C.cyan,
  C.lime,
  C.purple,
  C.ember,
  C.teal,
  C.indigo,
];

export function regionColor(region: string, regions: readonly string[]): string {
  const i = regions.indexOf(region);
  return PALETTE[Math.max(0, i) % PALETTE.length] as string;
}

export function UsMap(p: { sites: readonly MapSite[]; regions: readonly string[]; file: string }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const shapes = useMemo(() => {
    const topo = states as unknown as Topology<{ states: GeometryCollection; nation: GeometryCollection }>;
    const path = geoPath();
    return {
      nation: path(feature(topo, topo.objects.nation)) ?? '',
      borders: path(mesh(topo, topo.objects.states, (a, b) => a !== b)) ?? '',
    };
  }, []);
  const projection = useMemo(() => geoAlbersUsa().scale(1300).translate([487.5, 305]), []);
  const maxMW = Math.max(1, ...p.sites.map((s) => s.peakFacilityMW));
  const regionsShown = [...new Set(p.sites.map((s) => s.region))];
  return (
    <ChartFrame
      title={t('map.title')}
      subtitle={t('map.sub')}
      testId="map"
      exports={{
        png: () => svgRef.current && void downloadSvgAsPng(`${p.file}.png`, svgRef.current),
        svg: () => svgRef.current && downloadSvg(`${p.file}.svg`, svgRef.current),
        csv: () =>
          downloadCsv(
            `${p.file}.csv`,
            ['site', 'latitude', 'longitude', 'region', 'peakFacilityMW (MW)'],
            p.sites.map((s) => [s.id, s.latitude, s.longitude, s.region, s.peakFacilityMW]),
          ),
      }}
    >
      <svg
        ref={svgRef}
        viewBox="0 0 975 610"
        width="100%"
        role="img"
        aria-label={t('map.label')}
        font-family="system-ui, sans-serif"
      >
        <rect width="975" height="610" style={{ fill: C.surface }} />
        <path d={shapes.nation} style={{ fill: C.land, stroke: C.coast }} />
        <path d={shapes.borders} fill="none" style={{ stroke: C.stateBorder }} stroke-width="0.7" />
        {p.sites.map((s) => {
          const xy = projection([s.longitude, s.latitude]);
          if (!xy) return null;
          const r = 6 + 34 * Math.sqrt(s.peakFacilityMW / maxMW);
          const color = regionColor(s.region, p.regions);
          return (
            <g key={s.id} data-testid={`map-site-${s.id}`}>
              <circle
                cx={xy[0]}
                cy={xy[1]}
                r={r}
                style={{ fill: color, stroke: color }}
                fill-opacity="0.55"
                stroke-width="2"
              >
                <title>
                  {t('map.peakTitle', {
                    site: s.label ?? s.id,
                    power: fmt.power(s.peakFacilityMW),
                    region: s.region,
                  })}
                </title>
              </circle>
              <text x={xy[0] + r + 4} y={xy[1] - 2} font-size="15" font-weight="600" style={{ fill: C.fg }}>
                {s.id}
              </text>
              <text x={xy[0] + r + 4} y={xy[1] + 15} font-size="13" style={{ fill: C.text2 }}>
                {`${fmt.power(s.peakFacilityMW)} · ${s.region}`}
              </text>
            </g>
          );
        })}
        {regionsShown.map((r, k) => (
          <g key={r} transform={`translate(${20 + k * 110}, 590)`}>
            <circle r="7" cy="-4" style={{ fill: regionColor(r, p.regions) }} />
            <text x="12" font-size="14">
              {r}
            </text>
          </g>
        ))}
      </svg>
      <ChartTable
        summary={t('map.table')}
        caption={t('map.title')}
        testId="map-table"
        columns={[
          { label: t('map.site') },
          { label: t('map.region') },
          { label: t('map.lat'), numeric: true },
          { label: t('map.lon'), numeric: true },
          { label: t('map.peak'), numeric: true },
        ]}
        rows={p.sites.map((s) => ({
          key: s.id,
          head: s.label ?? s.id,
          cells: [s.region, fmtNumber(s.latitude, 3), fmtNumber(s.longitude, 3), fmt.power(s.peakFacilityMW)],
        }))}
      />
    </ChartFrame>
  );
}
