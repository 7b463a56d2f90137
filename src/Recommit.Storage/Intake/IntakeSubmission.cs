namespace Recommit.Storage.Intake;

/// <summary>A "Get a quote" request left by a visitor of the public page: contact details and a message.</summary>
public sealed class IntakeSubmission
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public string Organisation { get; init; } = "";
    public string Message { get; init; } = "";
    /// <summary>The analysis the visitor ran, when they ran one.</summary>
    public Guid? AnalysisId { get; init; }
    public DateTime CreatedUtc { get; init; }
}
