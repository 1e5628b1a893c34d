// The overview's attention list as the app shows it: the sections from attentionOf, rendered by
// AttentionList with a real RevisitState (its links and review forms). Runes only work in
// .svelte(.ts) files, hence here.
import { flushSync, mount, unmount } from 'svelte';
import type { AttentionSection } from '../../../renderer/src/domain/attention';
import { RevisitState } from '../../../renderer/src/state/revisit.svelte';
import { createServices } from '../../../renderer/src/state/services';
import AttentionList from '../../../renderer/src/views/program/AttentionList.svelte';
import { BENCH_PROGRAM_ID } from './data';

export interface AttentionHost {
  revisit: RevisitState;
  render(target: HTMLElement, sections: AttentionSection[]): () => void;
  close(): Promise<void>;
}

export function attentionHost(): AttentionHost {
  const services = createServices(`bench-attention-${crypto.randomUUID()}`);
  let revisit: RevisitState | undefined;
  const destroy = $effect.root(() => {
    revisit = new RevisitState(() => BENCH_PROGRAM_ID, services);
  });
  return {
    revisit: revisit!,
    render(target, sections) {
      const component = mount(AttentionList, { target, props: { sections, revisit: revisit!, expanded: () => false, ontoggle: () => undefined } });
      flushSync();
      return () => void unmount(component);
    },
    async close() {
      destroy();
      services.db.close();
      await services.db.delete();
    },
  };
}
