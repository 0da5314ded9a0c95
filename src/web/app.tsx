import { lazy, Suspense, useEffect, useState } from "react";
import { App as AntApp, ConfigProvider, Layout, Menu, Segmented } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Link, Route, Routes, useLocation } from "react-router-dom";
import { ApiError, type Lang } from "./api";
import { saveLang } from "./i18n";
import { LOCALE_TAG, useLang } from "./lang";
import { CitySearch } from "./components/CitySearch";
import { AccountMenu } from "./components/AccountMenu";
import { type NavEntry, PhoneMenu, SearchToggle } from "./components/PhoneNav";
import { useScreen } from "./components/useScreen";
import { Loading } from "./components/States";
import { ErrorBoundary } from "./components/ErrorBoundary";

const MapPage = lazy(() => import("./pages/MapPage"));
const CitiesPage = lazy(() => import("./pages/CitiesPage"));
const CityPage = lazy(() => import("./pages/CityPage"));
const AirRedirect = lazy(() => import("./pages/air/AirRedirect"));
const ComparePage = lazy(() => import("./pages/ComparePage"));
const ImportPage = lazy(() => import("./pages/ImportPage"));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage"));
const PracticesPage = lazy(() => import("./pages/practices/PracticesPage"));
const PracticePage = lazy(() => import("./pages/practices/PracticePage"));
const ProgrammesPage = lazy(() => import("./pages/programmes/ProgrammesPage"));
const ProgrammePage = lazy(() => import("./pages/programmes/ProgrammePage"));
const CooperationPage = lazy(() => import("./pages/cooperations/CooperationPage"));
const ReportPage = lazy(() => import("./pages/monitoring/ReportPage"));
const ShowcaseProgrammePage = lazy(() => import("./pages/monitoring/ShowcaseProgrammePage"));
const ShowcaseCooperationPage = lazy(() => import("./pages/monitoring/ShowcaseCooperationPage"));
const DistrictPage = lazy(() => import("./pages/vision/DistrictPage"));
const ReadinessPage = lazy(() => import("./pages/vision/ReadinessPage"));
const FactorLibraryPage = lazy(() => import("./pages/climate/FactorLibraryPage"));
const SignInPage = lazy(() => import("./pages/account/SignInPage"));
const AccountPage = lazy(() => import("./pages/account/AccountPage"));
const AdminPage = lazy(() => import("./pages/account/AdminPage"));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function LanguageSwitch({ short = false }: { short?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  return (
    <Segmented<Lang>
      aria-label={t("lang.label")}
      data-testid="lang-switch"
      size={short ? "small" : "middle"}
      value={lang}
      onChange={(value) => { saveLang(value); void i18n.changeLanguage(value); }}
      options={[
        // On a phone "EN" stands for English (its title and lang say which language it is).
        { value: "en", label: <span lang="en" data-testid="lang-en" title="English">{short ? "EN" : "English"}</span> },
        { value: "zh", label: <span lang="zh-CN" data-testid="lang-zh">中文</span> },
      ]}
    />
  );
}

function TopBar() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { compact, phone } = useScreen();
  const [searchOpen, setSearchOpen] = useState(false);
  useEffect(() => { if (!phone) setSearchOpen(false); }, [phone]);
  const selected = pathname === "/" ? "map" : pathname.startsWith("/import") ? "import" : pathname.startsWith("/cities") || pathname.startsWith("/compare") ? "cities" : pathname.startsWith("/practices") ? "practices" : pathname.startsWith("/programmes") || pathname.startsWith("/cooperations") || pathname.startsWith("/showcase") ? "programmes" : "";
  if (compact) {
    // Below lg: the same entries in a drawer opened by the menu button; below md the search folds into a button.
    const entries: NavEntry[] = [
      { key: "map", to: "/", label: t("nav.map") },
      { key: "cities", to: "/cities", label: t("nav.cities") },
      { key: "practices", to: "/practices", label: t("practices.nav") },
      { key: "programmes", to: "/programmes", label: t("programmes.nav") },
      { key: "import", to: "/import", label: t("nav.import") },
    ];
    return (
      <div className="cb-header-wrap">
        <Layout.Header className={`cb-header cb-header-compact${phone ? " cb-header-phone" : ""}`} role="banner">
          <PhoneMenu entries={entries} selected={selected} />
          <Link to="/" className="cb-brand">{t("app.name")}</Link>
          <span className="cb-header-gap" />
          {phone ? <SearchToggle open={searchOpen} onToggle={() => setSearchOpen((v) => !v)} /> : <CitySearch />}
          <LanguageSwitch short={phone} />
          <AccountMenu compact={phone} />
        </Layout.Header>
        {phone && searchOpen && (
          <div id="cb-search-row" className="cb-search-row" data-testid="search-row">
            <CitySearch fullWidth autoFocus onOpen={() => setSearchOpen(false)} />
          </div>
        )}
      </div>
    );
  }
  return (
    <Layout.Header className="cb-header" role="banner">
      <Link to="/" className="cb-brand" lang="en">{t("app.name")}</Link>
      <nav aria-label={t("nav.mainMenu")} style={{ flex: 1, minWidth: 0 }}>
        <Menu
          mode="horizontal"
          selectedKeys={[selected]}
          data-testid="main-menu"
          items={[
            { key: "map", label: <Link to="/" data-testid="nav-map">{t("nav.map")}</Link> },
            { key: "cities", label: <Link to="/cities" data-testid="nav-cities">{t("nav.cities")}</Link> },
            { key: "practices", label: <Link to="/practices" data-testid="nav-practices">{t("practices.nav")}</Link> },
            { key: "programmes", label: <Link to="/programmes" data-testid="nav-programmes">{t("programmes.nav")}</Link> },
            {
              key: "more", label: t("nav.more"),
              children: [{ key: "import", label: <Link to="/import" data-testid="nav-import">{t("nav.import")}</Link> }],
            },
          ]}
        />
      </nav>
      <CitySearch />
      <LanguageSwitch />
      <AccountMenu />
    </Layout.Header>
  );
}

function Shell() {
  const { t } = useTranslation();
  const lang = useLang();
  const { pathname } = useLocation();
  useEffect(() => {
    document.documentElement.lang = LOCALE_TAG[lang];
    document.title = `${t("app.name")} — ${t("app.tagline")}`;
  }, [lang, t]);
  return (
    // zeroRuntime: antd's component styles come from antd/dist/antd.css (imported in main.tsx, before
    // style.css) instead of being generated in JavaScript at first render — about 0.3 s less script per
    // first visit on this machine (issue 18.8); the theme's tokens still apply, as CSS variables.
    <ConfigProvider locale={lang === "zh" ? zhCN : enUS} theme={{ zeroRuntime: true, token: { colorPrimary: "#0b5394" } }}>
      <AntApp>
        <a href="#main" className="cb-skip">{t("app.skip")}</a>
        <Layout style={{ minHeight: "100vh", background: "#f5f7fa" }}>
          <TopBar />
          <Layout.Content id="main" className="cb-main" tabIndex={-1}>
            <ErrorBoundary resetKey={pathname}>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={<MapPage />} />
                <Route path="/cities" element={<CitiesPage />} />
                <Route path="/cities/:slug" element={<CityPage />} />
                <Route path="/cities/:slug/air" element={<AirRedirect />} />
                <Route path="/compare" element={<ComparePage />} />
                <Route path="/import" element={<ImportPage />} />
                <Route path="/practices" element={<PracticesPage />} />
                <Route path="/practices/:id" element={<PracticePage />} />
                <Route path="/programmes" element={<ProgrammesPage />} />
                <Route path="/programmes/:id" element={<ProgrammePage />} />
                <Route path="/cooperations/:id" element={<CooperationPage />} />
                <Route path="/cooperations/:id/report" element={<ReportPage />} />
                <Route path="/showcase/programmes/:id" element={<ShowcaseProgrammePage />} />
                <Route path="/showcase/cooperations/:id" element={<ShowcaseCooperationPage />} />
                <Route path="/cities/:slug/districts/:id" element={<DistrictPage />} />
                <Route path="/readiness/:id" element={<ReadinessPage />} />
                <Route path="/emission-factors" element={<FactorLibraryPage />} />
                <Route path="/sign-in" element={<SignInPage />} />
                <Route path="/account" element={<AccountPage />} />
                <Route path="/admin" element={<AdminPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </Suspense>
            </ErrorBoundary>
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [client] = useState(() => queryClient);
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <Shell />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
