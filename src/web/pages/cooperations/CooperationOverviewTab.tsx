import { Card, Col, Descriptions, Row, Table, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import type { Cooperation } from "../../cooperations/api";
import { countryName } from "../../countries";
import { formatPeriod, useLang } from "../../lang";
import MembersMap from "./MembersMap";
import { CityName, FreeText, Orig } from "../../components/Orig";

/** Themes, period, members, status history and sources of a cooperation. */
export default function CooperationOverviewTab({ cooperation: c }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notYet = <Typography.Text type="secondary">{t("common.notYetReported")}</Typography.Text>;
  const period = c.startDate
    ? c.endDate ? `${formatPeriod(c.startDate, lang)} – ${formatPeriod(c.endDate, lang)}` : t("cooperations.from", { date: formatPeriod(c.startDate, lang) })
    : null;
  return (
    <Row gutter={[16, 16]} data-testid="cooperation-overview">
      <Col xs={24} lg={12}>
        <Card size="small" title={t("cooperations.tabs.overview")}>
          <Descriptions size="small" column={1} items={[
            { key: "themes", label: t("cooperations.themes"), children: c.themes.length ? c.themes.map((th) => <Tag key={th}>{t(`themes.${th}`, { defaultValue: th })}</Tag>) : notYet },
            { key: "period", label: t("cooperations.period"), children: <span data-testid="cooperation-period">{period ?? notYet}</span> },
            { key: "origin", label: t("cooperations.origin"), children: t(`cooperations.origins.${c.origin}`) },
          ]} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t("cooperations.history")} data-testid="cooperation-history">
          <Timeline items={c.transitions.map((tr, i) => ({
            key: i,
            content: (
              <span>
                <Typography.Text strong>{formatPeriod(tr.date, lang)}</Typography.Text>{" "}
                {tr.from ? `${t(`cooperations.statuses.${tr.from}`)} → ` : ""}{t(`cooperations.statuses.${tr.to}`)}
                {tr.note && <div><Typography.Text type="secondary"><FreeText text={tr.note} /></Typography.Text></div>}
              </span>
            ),
          }))} />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={`${t("cooperations.members")} (${t("cooperations.memberCount", { count: c.members.length })})`}>
          <MembersMap cooperation={c} />
          <Table
            size="small"
            pagination={false}
            rowKey="slug"
            data-testid="cooperation-member-table"
            dataSource={c.members}
            columns={[
              { title: t("common.city"), key: "city", render: (_, m) => <Link to={`/cities/${m.slug}`}><CityName names={m.names} /></Link> },
              { title: t("city.country"), key: "country", render: (_, m) => countryName(m.country, lang) },
              { title: t("cooperations.role"), key: "role", render: (_, m) => t(`cooperations.roles.${m.role}`) },
              { title: "", key: "side", render: (_, m) => (m.side ? t(`cooperations.sides.${m.side}`) : "") },
            ]}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t("cooperations.sources")} data-testid="cooperation-sources">
          {c.sources.length === 0 ? <Typography.Text type="secondary">{t("cooperations.noSources")}</Typography.Text> : (
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {c.sources.map((s) => <li key={s.id}><Orig>{s.citation}</Orig>{s.url && <> · <a href={s.url} target="_blank" rel="noreferrer" lang="en">{s.url}</a></>}</li>)}
            </ol>
          )}
        </Card>
      </Col>
    </Row>
  );
}
