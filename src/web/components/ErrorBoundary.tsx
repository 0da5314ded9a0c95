import { Component, type ReactNode } from "react";
import { Button, Result } from "antd";
import i18n from "../i18n";

interface State { error: Error | null }

/**
 * Catches render errors and failed lazy page loads (e.g. a tab left open across a redeploy whose
 * old chunks are gone) and offers a reload instead of a blank page.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={i18n.t("common.error")}
        subTitle={this.state.error.message}
        data-testid="page-error"
        extra={<Button type="primary" onClick={() => window.location.reload()}>{i18n.t("common.retry")}</Button>}
      />
    );
  }
}
