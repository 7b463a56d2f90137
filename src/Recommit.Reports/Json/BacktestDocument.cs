using Recommit.Analysis;

namespace Recommit.Reports.Json;

/// <summary>The forecaster's rolling-origin accuracy on the account's own history: origins, horizon, sMAPE, MASE and coverage.</summary>
public sealed record BacktestDocument(int Origins, int Horizon, double Smape, double Mase, double Coverage80, double Coverage95, string Note)
{
    /// <summary>The document of a backtest summary.</summary>
    public static BacktestDocument Of(BacktestSummary b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new BacktestDocument(b.Origins, b.Horizon, b.Smape, b.Mase, b.Coverage80, b.Coverage95, b.Note);
    }
}
