// Draws the fictional demo city 云川市's districts (东城区, 西城区, 北山区) as GeoJSON for the big
// screen's map: run once, the output is committed (web/public/geo/city.geojson). A site replaces
// that file with its own districts (FeatureCollection, one feature per district, the district
// name in properties.name exactly as orders record it in 所在区). Run prettier on the output.
import fs from 'node:fs';
import path from 'node:path';

const out = path.resolve(import.meta.dirname, '../web/public/geo/city.geojson');
const center = [117.9, 36.7];
const R = 0.22;
/** A wavy outer boundary (deterministic). */
const radius = (t) =>
  R * (1 + 0.12 * Math.sin(3 * t + 0.4) + 0.06 * Math.sin(7 * t + 1.3) + 0.03 * Math.cos(11 * t));
const point = (t, r) => [
  +(center[0] + r * Math.cos(t) * 1.25).toFixed(5),
  +(center[1] + r * Math.sin(t)).toFixed(5),
];
const deg = (d) => (d * Math.PI) / 180;
/** A border from the center to the rim, slightly bent, shared by both districts beside it. */
const spoke = (t) => {
  const pts = [];
  for (let i = 0; i <= 8; i++) {
    const f = i / 8;
    const bend = 0.06 * Math.sin(f * Math.PI * 2 + t);
    pts.push(point(t + bend, f * radius(t)));
  }
  return pts;
};
const districts = [
  { name: '北山区', from: 40, to: 150 },
  { name: '西城区', from: 150, to: 265 },
  { name: '东城区', from: 265, to: 400 },
];
const features = districts.map((d) => {
  const a = deg(d.from);
  const b = deg(d.to);
  const rim = [];
  for (let x = d.from; x <= d.to; x += 2.5) rim.push(point(deg(x), radius(deg(x))));
  const ring = [...spoke(a), ...rim.slice(1, -1), ...spoke(b).reverse()];
  ring.push(ring[0]);
  return {
    type: 'Feature',
    properties: { name: d.name, cp: point((a + b) / 2, 0.55 * radius((a + b) / 2)) },
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
});
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  `${JSON.stringify({ type: 'FeatureCollection', name: '云川市（虚构示例城市）', features })}\n`,
);
process.stdout.write(`${features.length} districts → ${out}\n`);
