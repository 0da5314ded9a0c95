import { Segmented, Space } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import type { City } from "../../api";
import { InventoryPanel } from "./InventoryPanel";
import { PathwayPanel } from "./PathwayPanel";

type View = "inventory" | "pathway";

/** The city page's Climate tab: the GHG inventory (editor and summary) and targets with their pathway. Deep-linked by ?view=. */
export default function ClimateTab({ city }: { city: City }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = params.get("view") === "pathway" ? "pathway" : "inventory";
  const choose = (v: View) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set("view", v);
      return next;
    }, { replace: true });
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="climate-tab">
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
      <Segmented<View>
        aria-label={t("climate.views.label")}
        data-testid="climate-view"
        value={view}
        onChange={choose}
        options={[
          { value: "inventory", label: <span data-testid="climate-view-inventory">{t("climate.views.inventory")}</span> },
          { value: "pathway", label: <span data-testid="climate-view-pathway">{t("climate.views.pathway")}</span> },
        ]}
      />
      <Link to="/emission-factors" data-testid="factor-library-link">{t("dataPages.factors.link")} →</Link>
      </Space>
      {view === "inventory" ? <InventoryPanel city={city} /> : <PathwayPanel city={city} />}
    </Space>
  );
}
