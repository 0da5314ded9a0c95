import { Card, Col, Row, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { cityName } from "../../api";
import { CityPicker } from "../../components/CityPicker";
import { useLang } from "../../lang";

export interface SideView {
  key: "a" | "b";
  label: string;
  slugs: string[];
}

/** The candidates of each side: removable tags, and a city picker to add more (the URL keeps the lists). */
export function PairingSides({ sides, nameOf, statusOf, onChange, readOnly = false }: {
  sides: [SideView, SideView];
  nameOf: (slug: string) => { en: string; zh: string | null } | undefined;
  /** How the city came onto the board (accepted, eligible, member, added); accepted ones carry no mark. */
  statusOf: (slug: string) => string | undefined;
  onChange: (key: "a" | "b", slugs: string[]) => void;
  /** Only the lists: for visitors who may not run the board. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const all = [...sides[0].slugs, ...sides[1].slugs];
  return (
    <Row gutter={[16, 16]}>
      {sides.map((side) => (
        <Col xs={24} md={12} key={side.key}>
          <Card size="small" title={`${side.label} · ${t("matching.pairing.candidates")}`} data-testid={`pairing-side-${side.key}`}>
            <Space orientation="vertical" style={{ width: "100%" }}>
              <div>
                {side.slugs.length === 0 && <Typography.Text type="secondary">{t("common.notYetReported")}</Typography.Text>}
                {side.slugs.map((slug) => {
                  const names = nameOf(slug);
                  const label = names ? cityName(names, lang) : slug;
                  const status = statusOf(slug);
                  return (
                    <Tag
                      key={slug}
                      closable={!readOnly}
                      color={status === "member" ? "green" : status === "added" || status === "eligible" ? "orange" : undefined}
                      title={status && status !== "accepted" ? t(`matching.pairing.status.${status}`) : undefined}
                      data-testid={`candidate-${side.key}-${slug}`}
                      closeIcon={<span aria-label={t("matching.pairing.remove", { city: label })}>×</span>}
                      onClose={(e) => { e.preventDefault(); onChange(side.key, side.slugs.filter((s) => s !== slug)); }}
                      style={{ marginBottom: 4 }}
                    >
                      {label}
                      {status && status !== "accepted" && <span data-testid={`candidate-status-${slug}`}> · {t(`matching.pairing.status.${status}`)}</span>}
                    </Tag>
                  );
                })}
              </div>
              {!readOnly && <CityPicker
                testId={`pairing-add-${side.key}`}
                ariaLabel={t("matching.pairing.addCity", { side: side.label })}
                placeholder={t("matching.pairing.addCity", { side: side.label })}
                exclude={all}
                onChange={(slug) => slug && onChange(side.key, [...side.slugs, slug])}
              />}
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
