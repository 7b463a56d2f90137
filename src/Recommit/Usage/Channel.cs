namespace Recommit.Usage;

/// <summary>Where the usage was bought: Anthropic's API, AWS Bedrock, Google Vertex AI, or a cloud marketplace.</summary>
public enum Channel : byte
{
    Anthropic = 0,
    Bedrock = 1,
    Vertex = 2,
    Marketplace = 3,
}
