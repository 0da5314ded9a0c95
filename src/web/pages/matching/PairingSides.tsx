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
export function PairingSides({ sides, nameOf, onChange }: {
  sides: [SideView, SideView];
  nameOf: (slug: string) => { en: string; zh: string | null } | undefined;
  onChange: (key: "a" | "b", slugs: string[]) => void;
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
                  return (
                    <Tag
                      key={slug}
                      closable
                      data-testid={`candidate-${side.key}-${slug}`}
                      closeIcon={<span aria-label={t("matching.pairing.remove", { city: label })}>×</span>}
                      onClose={(e) => { e.preventDefault(); onChange(side.key, side.slugs.filter((s) => s !== slug)); }}
                      style={{ marginBottom: 4 }}
                    >
                      {label}
                    </Tag>
                  );
                })}
              </div>
              <CityPicker
                testId={`pairing-add-${side.key}`}
                ariaLabel={t("matching.pairing.addCity", { side: side.label })}
                placeholder={t("matching.pairing.addCity", { side: side.label })}
                exclude={all}
                onChange={(slug) => slug && onChange(side.key, [...side.slugs, slug])}
              />
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
