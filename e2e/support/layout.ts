// Layout checks several browser tests share.
import type { Page } from 'playwright-core';

/** Elements wider than their box (text spilling out) or off either side, and header parts under the quick-exit button. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.clientWidth === 0 || el.closest('.visually-hidden')) continue;
      const style = getComputedStyle(el);
      if (['auto', 'scroll'].includes(style.overflowX) || style.textOverflow === 'ellipsis') continue;
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.trim().slice(0, 30)}" ${el.scrollWidth} > ${el.clientWidth}`);
      const box = el.getBoundingClientRect();
      if (box.right > root.clientWidth + 0.5 && style.position !== 'fixed') problems.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${box.right}`);
      // Right to left (Arabic), what spills goes out on the left.
      if (box.left < -0.5 && style.position !== 'fixed') problems.push(`${el.tagName.toLowerCase()}.${el.className} starts at ${box.left}`);
    }
    const exit = document.querySelector('.v-quick-exit')!.getBoundingClientRect();
    for (const el of document.querySelectorAll('.v-header > *')) {
      const box = el.getBoundingClientRect();
      const overlaps = box.right > exit.left && box.left < exit.right && box.bottom > exit.top && box.top < exit.bottom;
      if (overlaps) problems.push(`${el.className} lies under the quick-exit button`);
    }
    return problems;
  });
}
