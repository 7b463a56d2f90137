using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Recommit.Storage.Users;

/// <summary>
/// ASP.NET Core Identity on the store, as both the CLI (<c>recommit users add</c>) and the web app use it: email as
/// the user name, passwords of at least 12 characters hashed by Identity, and lockout for 15 minutes after 5 failed
/// sign-ins.
/// </summary>
public static class StoreIdentity
{
    public const int MaxFailedAccessAttempts = 5;

    public static IdentityBuilder AddStoreIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<StoreUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StoreContext>();

    /// <summary>Creates a user with a role; Identity's messages (weak password, taken email) become input errors naming the field.</summary>
    public static async Task<StoreUser> CreateUserAsync(IServiceProvider services, string email, string password, string role)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!Roles.All.Contains(role)) throw new InputException($"--role: '{role}' is not {string.Join(" or ", Roles.All)}");
        var users = services.GetRequiredService<UserManager<StoreUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var name in Roles.All)
            if (!await roles.RoleExistsAsync(name)) Check(await roles.CreateAsync(new IdentityRole(name)), "role");
        var user = new StoreUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password), "email or password");
        Check(await users.AddToRoleAsync(user, role), "role");
        return user;
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded) throw new InputException($"{field}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
