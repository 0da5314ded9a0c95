import { useEffect, useState } from "react";
import { Button, Drawer, Menu } from "antd";
import { CloseOutlined, MenuOutlined, SearchOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router-dom";

/** One entry of the main menu: where it goes and its label (the same entries on desktop and in the drawer). */
export interface NavEntry { key: string; to: string; label: string }

/**
 * The main menu below the lg breakpoint: a button (keyboard-usable, labelled in the UI language)
 * opening a drawer with the same entries as the desktop menu. An entry navigates by its key, so
 * Enter on a focused entry works as well as a tap; the drawer closes on navigation and gives the
 * focus back to the button.
 */
export function PhoneMenu({ entries, selected }: { entries: NavEntry[]; selected: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  useEffect(() => { setOpen(false); }, [pathname]);
  return (
    <>
      <Button
        type="text"
        icon={<MenuOutlined />}
        aria-label={t("phone.openMenu")}
        aria-expanded={open}
        aria-controls="cb-nav-drawer"
        aria-haspopup="dialog"
        data-testid="menu-button"
        onClick={() => setOpen(true)}
      />
      <Drawer
        id="cb-nav-drawer"
        open={open}
        onClose={() => setOpen(false)}
        placement="left"
        size={280}
        title={t("phone.menuTitle")}
        styles={{ body: { padding: 0 } }}
        data-testid="nav-drawer"
      >
        <nav aria-label={t("nav.mainMenu")}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            style={{ borderInlineEnd: "none" }}
            onClick={({ key }) => {
              const entry = entries.find((e) => e.key === key);
              setOpen(false);
              if (entry) navigate(entry.to);
            }}
            items={entries.map((e) => ({ key: e.key, label: <span data-testid={`drawer-nav-${e.key}`}>{e.label}</span> }))}
          />
        </nav>
      </Drawer>
    </>
  );
}

/** The phone bar's search button: shows or hides the full-width city search row under the bar. */
export function SearchToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      type="text"
      icon={open ? <CloseOutlined /> : <SearchOutlined />}
      aria-label={open ? t("phone.closeSearch") : t("phone.openSearch")}
      aria-expanded={open}
      aria-controls="cb-search-row"
      data-testid="search-toggle"
      onClick={onToggle}
    />
  );
}
