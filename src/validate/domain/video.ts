/**
 * Video device rules (virDomainDefVideoValidate, virDomainVideoDefValidate): at most one
 * primary adapter, and a `none` video model only alone (it means "no display device").
 */
import type { Domain } from '../../model/domain/index.js';
import type { Problem } from '../../schema/problem.js';
import type { ValidateOptions } from '../index.js';
import { Findings, indexed } from './context.js';
import { devicePath } from './devices.js';

export function checkVideo(dom: Domain, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  const videos = dom.devices?.video ?? [];
  let primary: number | undefined;
  for (const [video, n] of indexed(videos)) {
    const model = video.model;
    const path = devicePath('video', n);
    if (model?.type === 'none' && videos.length > 1) {
      r.error({
        rule: 'video-none-alone',
        path: `${path}/model/@type`,
        value: 'none',
        message: `a 'none' video model means no video device, yet there are ${videos.length} video devices; expected it alone`,
        at: [video, model],
      });
    }
    if (model?.primary === true) {
      if (primary !== undefined) {
        r.error({
          rule: 'video-primary',
          path: `${path}/model/@primary`,
          value: 'yes',
          message: `${devicePath('video', primary)} is already the primary video device; expected one primary='yes' at most`,
          at: [video, model],
        });
      } else primary = n;
    }
  }
  return r.problems;
}
