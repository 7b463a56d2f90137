using System.Text.Json;

namespace Recommit.Web.Accounts;

/// <summary>A new account: its unique name.</summary>
internal sealed record NewAccount(string Name);

/// <summary>A user to add to an account as a member, by email.</summary>
internal sealed record NewMember(string Email);

/// <summary>A new contract version: what it is (current, proposed, signed…) and the contract JSON (docs/contracts.md).</summary>
internal sealed record NewContract(string? Label, JsonElement Contract);

/// <summary>A stored contract version without its JSON.</summary>
internal sealed record ContractSummary(int Version, string Label, DateTime CreatedUtc);
