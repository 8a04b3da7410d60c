using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class IdentityGrainTests(TestClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private async Task<Guid> CreateUserAsync(string password = "pw", bool staff = false)
    {
        var id = Guid.NewGuid();
        await _grains.GetGrain<IUserGrain>(id).CreateAsync(new NewUser($"u{id:N}", "Full", "", password, staff, false));
        return id;
    }

    [Fact]
    public async Task Login_issues_a_token_that_authenticates_and_refresh_revokes_it()
    {
        var id = await CreateUserAsync();
        var user = _grains.GetGrain<IUserGrain>(id);
        Assert.Null(await user.LoginAsync("wrong"));
        var token = await user.LoginAsync("pw");
        Assert.NotNull(token);
        var caller = await user.AuthenticateAsync(ComplianceGrains.Domain.TokenHashing.Hash(token!));
        Assert.Equal(id, caller!.UserId);

        var self = new Caller(id, false, false);
        var fresh = (await user.RefreshTokenAsync(self)).Token;
        Assert.Null(await user.AuthenticateAsync(ComplianceGrains.Domain.TokenHashing.Hash(token!)));
        Assert.Null(await _grains.GetGrain<ITokenGrain>(ComplianceGrains.Domain.TokenHashing.Hash(token!)).AuthenticateAsync());
        Assert.NotNull(await user.AuthenticateAsync(ComplianceGrains.Domain.TokenHashing.Hash(fresh)));
    }

    [Fact]
    public async Task Domain_errors_cross_the_grain_boundary_with_their_details()
    {
        var id = await CreateUserAsync();
        var customer = _grains.GetGrain<ICustomerGrain>(Guid.NewGuid());
        await Assert.ThrowsAsync<PermissionDeniedException>(() => customer.CreateAsync(new Caller(id, false, false), "c"));
        await Assert.ThrowsAsync<NotFoundException>(() => customer.GetAsync(new Caller(id, false, false)));
        var staff = new Caller(await CreateUserAsync(staff: true), true, false);
        await customer.CreateAsync(staff, "c");
        var error = await Assert.ThrowsAsync<ValidationException>(() => customer.AddUserAsync(staff, Guid.NewGuid(), CustomerRole.Owner));
        Assert.StartsWith("Object with uuid=", error.Errors["user"].Single());
    }
}
