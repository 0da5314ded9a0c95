import { Input, Select } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { accountApi, type ScopedRole } from "../../account/api";
import { CityPicker } from "../../components/CityPicker";
import { useLang } from "../../lang";

/** As wide as a programme's name on a desktop; never wider than the form (a 360 px phone leaves about 310 px). */
const SCOPE_WIDTH = { width: 320, maxWidth: "100%" } as const;

interface Props { role: ScopedRole; value?: string; onChange?: (v: string | undefined) => void; id?: string }

/** The programmes to pick from; empty when the list is not there (then a free-text id is asked). */
function ProgrammeScope({ value, onChange, id }: Omit<Props, "role">) {
  const { t } = useTranslation();
  const lang = useLang();
  const programmes = useQuery({ queryKey: ["account", "programme-options"], queryFn: ({ signal }) => accountApi.programmes(signal), retry: false, staleTime: 60_000 });
  const list = programmes.data?.programmes ?? [];
  if (programmes.isLoading) return <Select id={id} loading style={SCOPE_WIDTH} aria-label={t("account.grants.programme")} />;
  if (list.length === 0) {
    return <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value || undefined)} style={SCOPE_WIDTH}
      placeholder={t("account.grants.programmeFree")} title={t("account.grants.programmeNone")} data-testid="scope-programme-id" />;
  }
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      style={SCOPE_WIDTH}
      showSearch={{ optionFilterProp: "label" }}
      aria-label={t("account.grants.programme")}
      data-testid="scope-programme"
      options={list.map((p) => ({ value: p.id, label: lang === "zh" ? p.names.zh ?? p.names.en : p.names.en }))}
    />
  );
}

/** The scope of a role: a programme (picker or id), a city (search) or a cooperation id. */
export function ScopeInput({ role, value, onChange, id }: Props) {
  const { t } = useTranslation();
  if (role === "programme_manager") return <ProgrammeScope value={value} onChange={onChange} id={id} />;
  if (role === "city_editor") return <CityPicker id={id} value={value} onChange={(v) => onChange?.(v)} testId="scope-city" ariaLabel={t("account.grants.city")} width={320} />;
  return <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value || undefined)} style={SCOPE_WIDTH} placeholder={t("account.grants.cooperation")} data-testid="scope-cooperation" />;
}
