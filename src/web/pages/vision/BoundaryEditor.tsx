import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Form, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api, cityName } from "../../api";
import { useLang } from "../../lang";
import { type BoundaryGeometry, boundaryFromGeoJson, boundaryPoints } from "../../vision/boundary-file";
import { BoundaryMap } from "./BoundaryMap";

/** A district boundary in a form: drawn on the map, or read from a GeoJSON file, or removed. */
export function BoundaryEditor({ slug, value, onChange, others }: { slug: string; value: BoundaryGeometry | null; onChange: (b: BoundaryGeometry | null) => void; others: BoundaryGeometry[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  // The city page has loaded the city under this key already: its coordinates centre the map.
  const city = useQuery({ queryKey: ["city", slug], queryFn: ({ signal }) => api.city(slug, signal) });
  const [fileError, setFileError] = useState<string | null>(null);
  const [how, setHow] = useState<"file" | "drawn" | null>(null);
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      onChange(boundaryFromGeoJson(await file.text()));
      setHow("file");
      setFileError(null);
    } catch (e) {
      setFileError(e instanceof Error ? e.message : String(e));
    }
  };
  const state = !value ? t("vision.boundaryNone") : how === "drawn" ? t("dataPages.boundary.drawnPoints", { count: boundaryPoints(value) }) : t("vision.boundaryPoints", { count: boundaryPoints(value) });
  return (
    <>
      <Form.Item label={t("vision.boundary")} extra={t("vision.boundaryHelp")}>
        <Space orientation="vertical" style={{ width: "100%" }}>
          {city.data && (
            <BoundaryMap value={value} others={others} center={[city.data.coordinates.lon, city.data.coordinates.lat]} cityLabel={cityName(city.data.names, lang)}
              onChange={(b) => { onChange(b); setHow("drawn"); setFileError(null); }} />
          )}
          <Space wrap>
            <label>
              <Typography.Text type="secondary">{t("vision.boundaryFile")}: </Typography.Text>
              <input type="file" accept=".geojson,.json,application/geo+json,application/json" aria-label={t("vision.boundaryFile")} onChange={(e) => void readFile(e.target.files?.[0])} data-testid="district-boundary-file" />
            </label>
            <Typography.Text data-testid="district-boundary-state">{state}</Typography.Text>
            {value && <Button size="small" onClick={() => onChange(null)} data-testid="district-boundary-remove">{t("vision.boundaryRemove")}</Button>}
          </Space>
        </Space>
      </Form.Item>
      {fileError && <Alert type="error" showIcon title={fileError} data-testid="district-boundary-error" style={{ marginBottom: 8 }} />}
    </>
  );
}
