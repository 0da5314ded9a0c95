import { Button, Result, Space, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { ErrorState, isNotFound, Loading } from "../../components/States";
import { lazyTab, preloadTabInAddress } from "../../components/lazyTab";
import { switchTab } from "../../components/tabParams";
import { useLang } from "../../lang";
import { useProgramme } from "../../programmes/useProgramme";
import { periodText, TwoNames } from "../../programmes/ui";
import ProgrammeOverviewTab from "./ProgrammeOverviewTab";

// The other tabs load when opened (or, for the tab in the address, announced by src/api/spa-shell.ts):
// a page does not wait for the chunks of tabs it does not show.
const PairingBoardTab = lazyTab(() => import("../matching/PairingBoardTab"));
const ProgrammeMonitoringTab = lazyTab(() => import("../monitoring/ProgrammeMonitoringTab"));
const CallTab = lazyTab(() => import("./CallTab"));
const ProgrammeCooperationsTab = lazyTab(() => import("./ProgrammeCooperationsTab"));
const HistoryPanel = lazyTab(() => import("../account/HistoryPanel"));
preloadTabInAddress({ call: CallTab, pairing: PairingBoardTab, cooperations: ProgrammeCooperationsTab, monitoring: ProgrammeMonitoringTab, history: HistoryPanel });

const TABS = ["overview", "call", "pairing", "cooperations", "monitoring", "showcase", "history"] as const;
type Tab = (typeof TABS)[number];
/** The tabs' own parameters, kept while another tab is open: the chosen call, the pairing board's set-up, the cooperations' and the history's page. */
const KEEP = ["call", "elig", "pa", "pb", "k", "m", "fix", "ban", "cpage", "hpage"] as const;

/** /programmes/:id — a programme's page; every part is a tab with a deep link (?tab=). */
export default function ProgrammePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get("tab")) ?? "overview";
  const programme = useProgramme(id);

  if (programme.isLoading) return <Loading rows={8} />;
  if (isNotFound(programme.error)) {
    return (
      <Result status="404" title={t("programmes.notFound")} subTitle={t("programmes.notFoundDetail", { id })} data-testid="programme-not-found"
        extra={<Button type="primary" onClick={() => navigate("/programmes")}>{t("programmes.nav")}</Button>} />
    );
  }
  if (programme.error || !programme.data) return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;
  const p = programme.data;
  const label = (k: Tab) => <span data-testid={`tab-${k}`}>{t(`programmes.tabs.${k}`)}</span>;
  return (
    <Space orientation="vertical" size="small" style={{ width: "100%" }} data-testid="programme-page">
      <div>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }} data-testid="programme-title"><TwoNames names={p.names} lang={lang} /></Typography.Title>
        <Typography.Text type="secondary">{periodText(p.startDate, p.endDate, lang, t)}</Typography.Text>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams((prev) => switchTab(prev, key, "overview", KEEP), { replace: true })}
        destroyOnHidden
        items={[
          { key: "overview", label: label("overview"), children: <ProgrammeOverviewTab programmeId={p.id} /> },
          { key: "call", label: label("call"), children: <CallTab programmeId={p.id} /> },
          { key: "pairing", label: label("pairing"), children: <PairingBoardTab programmeId={p.id} /> },
          { key: "cooperations", label: label("cooperations"), children: <ProgrammeCooperationsTab programmeId={p.id} /> },
          { key: "monitoring", label: label("monitoring"), children: <ProgrammeMonitoringTab programmeId={p.id} /> },
          { key: "history", label: label("history"), children: <HistoryPanel entity="programme" id={p.id} /> },
          {
            key: "showcase",
            label: label("showcase"),
            children: (
              <Space orientation="vertical">
                <Typography.Text>{t("programmes.showcase.text")}</Typography.Text>
                <Link to={`/showcase/programmes/${encodeURIComponent(p.id)}`} data-testid="showcase-link">{t("programmes.showcase.link")}</Link>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
