/**
 * `<iommu>`: an emulated IOMMU (formatdomain.rst "IOMMU devices").
 */
import { attr, child, el, t, type Infer } from '../../schema/index.js';
import { deviceInfo } from './address.js';

/** `<driver>` of an IOMMU: features of the emulated device. */
export const IommuDriver = el('driver', {
  /** Interrupt remapping (needs a split I/O APIC). */
  intremap: attr(t.onOff),
  /** VT-d caching mode, needed to assign host devices with intel IOMMU. */
  caching_mode: attr(t.onOff),
  /** Extended interrupt mode (x2APIC beyond 255 CPUs). */
  eim: attr(t.onOff),
  /** Device IOTLB. */
  iotlb: attr(t.onOff),
  /** Address width in bits (39 or 48 for intel). */
  aw_bits: attr(t.uint),
  /** DMA translation; off gives interrupt remapping only. */
  dma_translation: attr(t.onOff),
});
export type IommuDriver = Infer<typeof IommuDriver>;

/** `<iommu>` (formatdomain.rst "IOMMU devices"). */
export const Iommu = el('iommu', {
  model: attr(t.enum('intel', 'smmuv3', 'virtio'), { required: true }),
  driver: child(IommuDriver),
  ...deviceInfo,
});
export type Iommu = Infer<typeof Iommu>;
