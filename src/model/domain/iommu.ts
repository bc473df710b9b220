// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Iommu = el('iommu', {});
export type Iommu = Infer<typeof Iommu>;
