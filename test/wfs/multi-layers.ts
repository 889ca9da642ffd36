/** Two published, public layers of multi geometries (the demo has only simple ones), uploaded
 *  through the admin API as an admin would: dpupr:persil_multi (MultiPolygon, one feature with
 *  two parts and a hole) and dpupr:jalan_multi (MultiLineString). */
import { expect } from 'chai';
import { addUser, issueToken } from '../../data/users.js';
import { get, type TestNode } from '../support/context.js';

const square = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

const POLYGONS = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { nama: 'Persil A' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[square(106.6, -6.2, 0.01), square(106.603, -6.197, 0.002)], [square(106.63, -6.18, 0.01)]],
      },
    },
    {
      type: 'Feature',
      properties: { nama: 'Persil B' },
      geometry: { type: 'MultiPolygon', coordinates: [[square(106.65, -6.16, 0.01)]] },
    },
  ],
};
const LINES = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { nama: 'Jalan A' },
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [106.6, -6.2],
            [106.62, -6.19],
          ],
          [
            [106.63, -6.18],
            [106.64, -6.17],
            [106.65, -6.17],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { nama: 'Jalan B' },
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [106.66, -6.16],
            [106.67, -6.15],
          ],
        ],
      },
    },
  ],
};

export const MULTI_LAYERS = { polygons: 'dpupr:persil_multi', lines: 'dpupr:jalan_multi' } as const;

export async function addMultiLayers(node: TestNode): Promise<void> {
  await addUser(node.ctx.db, { username: 'h6admin', role: 'admin' });
  const token = await issueToken(node.ctx.db, 'h6admin');
  for (const [name, fc] of [
    ['persil_multi', POLYGONS],
    ['jalan_multi', LINES],
  ] as const) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ org: 'dpupr', name, title: name, access: 'PUBLIC', publish: 'true' }))
      form.append(k, v);
    form.append('file', new Blob([JSON.stringify(fc)]), `${name}.geojson`);
    const r = await get(`${node.url}/api/layers`, {
      method: 'POST',
      body: form,
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(r.status, r.body).to.equal(201);
  }
}
