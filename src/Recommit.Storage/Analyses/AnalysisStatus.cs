namespace Recommit.Storage.Analyses;

/// <summary>Where a stored analysis is: waiting in the queue, running, done (the result is stored) or failed.</summary>
public enum AnalysisStatus
{
    Queued = 0,
    Running = 1,
    Done = 2,
    Failed = 3,
}
