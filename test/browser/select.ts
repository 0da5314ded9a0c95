import type { Locator, Page } from "playwright-core";

/**
 * Picks an option of an antd Select and checks it took: opens the list with a click on `select`,
 * clicks the visible option whose text matches `option`, and waits until the select shows `shows`
 * (the option's text unless given). Under load a click during the list's opening animation can
 * miss, or a re-render can close the list: each try is short, and the list is opened again (five
 * tries). Never presses Escape: the select may sit in a modal, which Escape would close.
 * With `search`, types it into a searchable select's box first (for lists filled from a search).
 */
export async function chooseOption(page: Page, select: Locator, option: string | RegExp, shows: string | RegExp = option, search?: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (search !== undefined) await select.getByRole("combobox").fill(search);
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: option }).first().click({ timeout: 5_000 }).catch(() => undefined);
    const took = await select.filter({ hasText: shows }).waitFor({ timeout: 5_000 }).then(() => true, () => false);
    if (took) {
      // Let the list close before anything else opens one (two lists at once confuse the locators).
      await page.locator(".ant-select-dropdown:visible").first().waitFor({ state: "hidden", timeout: 5_000 }).catch(() => undefined);
      return;
    }
    if (attempt === 5) throw new Error(`could not choose ${String(option)} in the select`);
  }
}
