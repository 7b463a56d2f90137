namespace Recommit.Web.Intake;

/// <summary>A "Get a quote" request: name and email (required), organisation, message, and the analysis it is about.</summary>
internal sealed record NewIntake(string Name, string Email, string? Organisation, string? Message, Guid? AnalysisId);

/// <summary>A stored intake submission.</summary>
internal sealed record IntakeView(int Id, string Name, string Email, string Organisation, string Message, Guid? AnalysisId, DateTime CreatedUtc);
