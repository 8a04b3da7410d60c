using ComplianceGrains.Domain;
using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Grains;

/// <summary>Users: creation, unique usernames, tokens (login, refresh, bootstrap) and who may read a user.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UserGrainTests(TestClusterFixture fixture)
{
    private readonly GrainBuilder _world = new(fixture.Grains);

    private IUserGrain User(Guid id) => _world.Grains.GetGrain<IUserGrain>(id);

    private ITokenGrain Token(string token) => _world.Grains.GetGrain<ITokenGrain>(TokenHashing.Hash(token));

    private async Task<Guid?> TokenOwnerAsync(string token) => (await Token(token).AuthenticateAsync())?.UserId;

    [Fact]
    public async Task A_created_user_reads_back_with_its_profile_and_flags()
    {
        var id = Guid.NewGuid();
        var created = await User(id).CreateAsync(new NewUser($"u-{id:N}", "Jane Doe", "jane@example.com", "pw", false, true));
        var read = await User(id).GetAsync(new Caller(id, false, true));
        Assert.Equal(id, read.Id);
        Assert.Equal($"u-{id:N}", read.Username);
        Assert.Equal("Jane Doe", read.FullName);
        Assert.Equal("jane@example.com", read.Email);
        Assert.False(read.IsStaff);
        Assert.True(read.IsSupport);
        Assert.Empty(read.CustomerRoles);
        Assert.Equal(created.Created, read.Created);
        Assert.True(await User(id).ExistsAsync());
    }

    [Fact]
    public async Task Creating_a_user_twice_is_refused_and_keeps_the_first()
    {
        var user = await _world.CreateUserAsync();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            User(user.Id).CreateAsync(new NewUser("other", "Other", "", "pw", true, false)));
        Assert.True(error.Errors.ContainsKey("username"));
        var read = await User(user.Id).GetAsync(user.Caller);
        Assert.Equal(user.Username, read.Username);
        Assert.False(read.IsStaff);
    }

    [Fact]
    public async Task An_unknown_user_does_not_exist()
    {
        var staff = await _world.StaffAsync();
        Assert.False(await User(Guid.NewGuid()).ExistsAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => User(Guid.NewGuid()).GetAsync(staff.Caller));
    }

    // --- usernames ---

    [Fact]
    public async Task A_username_is_held_by_the_first_user_that_reserves_it()
    {
        var username = $"name-{Guid.NewGuid():N}";
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var grain = _world.Grains.GetGrain<IUsernameGrain>(username);
        Assert.Null(await grain.GetUserIdAsync());

        Assert.True(await grain.ReserveAsync(first));
        Assert.False(await grain.ReserveAsync(second));
        Assert.True(await grain.ReserveAsync(first));
        Assert.Equal(first, await grain.GetUserIdAsync());
    }

    [Fact]
    public async Task Concurrent_reservations_of_one_username_have_exactly_one_winner()
    {
        var grain = _world.Grains.GetGrain<IUsernameGrain>($"name-{Guid.NewGuid():N}");
        var candidates = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();
        var results = await Task.WhenAll(candidates.Select(grain.ReserveAsync));
        Assert.Single(results, won => won);
        Assert.Equal(candidates[Array.IndexOf(results, true)], await grain.GetUserIdAsync());
    }

    [Fact]
    public async Task Usernames_are_distinct_keys()
    {
        var username = $"name-{Guid.NewGuid():N}";
        Assert.True(await _world.Grains.GetGrain<IUsernameGrain>(username).ReserveAsync(Guid.NewGuid()));
        Assert.True(await _world.Grains.GetGrain<IUsernameGrain>(username + "x").ReserveAsync(Guid.NewGuid()));
    }

    // --- login and tokens ---

    [Fact]
    public async Task Login_with_the_right_password_issues_a_token_that_identifies_the_user()
    {
        var user = await _world.CreateUserAsync(support: true);
        var token = await User(user.Id).LoginAsync(GrainBuilder.Password);
        Assert.NotNull(token);
        Assert.Equal(user.Id, await TokenOwnerAsync(token!));
        var caller = await User(user.Id).AuthenticateAsync(TokenHashing.Hash(token!));
        Assert.Equal(new Caller(user.Id, false, true), caller);
        Assert.Equal(caller, await Token(token!).AuthenticateAsync());
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("")]
    [InlineData("SECRET-PASSWORD")]
    public async Task Login_with_a_wrong_password_issues_nothing(string password)
    {
        var user = await _world.CreateUserAsync();
        Assert.Null(await User(user.Id).LoginAsync(password));
    }

    [Fact]
    public async Task A_user_without_a_password_cannot_log_in()
    {
        var user = await _world.CreateUserAsync(password: null);
        Assert.Null(await User(user.Id).LoginAsync(""));
        Assert.Null(await User(user.Id).LoginAsync(GrainBuilder.Password));
    }

    [Fact]
    public async Task Login_to_an_unknown_user_issues_nothing() =>
        Assert.Null(await User(Guid.NewGuid()).LoginAsync(GrainBuilder.Password));

    [Fact]
    public async Task An_unknown_token_does_not_authenticate()
    {
        var user = await _world.CreateUserAsync();
        Assert.Null(await User(user.Id).AuthenticateAsync(TokenHashing.Hash(TokenHashing.NewToken())));
        Assert.Null(await TokenOwnerAsync(TokenHashing.NewToken()));
    }

    [Fact]
    public async Task A_token_of_one_user_does_not_authenticate_another()
    {
        var alice = await _world.CreateUserAsync();
        var bob = await _world.CreateUserAsync();
        var token = await User(alice.Id).LoginAsync(GrainBuilder.Password);
        Assert.Null(await User(bob.Id).AuthenticateAsync(TokenHashing.Hash(token!)));
    }

    [Fact]
    public async Task Refreshing_revokes_every_earlier_token_and_issues_a_working_one()
    {
        var user = await _world.CreateUserAsync();
        var first = await User(user.Id).LoginAsync(GrainBuilder.Password);
        var second = await User(user.Id).LoginAsync(GrainBuilder.Password);

        var fresh = (await User(user.Id).RefreshTokenAsync(user.Caller)).Token;

        foreach (var old in new[] { first!, second! })
        {
            Assert.Null(await User(user.Id).AuthenticateAsync(TokenHashing.Hash(old)));
            Assert.Null(await TokenOwnerAsync(old));
        }
        Assert.NotEqual(first, fresh);
        Assert.Equal(user.Id, (await User(user.Id).AuthenticateAsync(TokenHashing.Hash(fresh)))!.UserId);
        Assert.Equal(user.Id, await TokenOwnerAsync(fresh));
    }

    [Fact]
    public async Task Staff_may_refresh_another_users_token()
    {
        var staff = await _world.StaffAsync();
        var user = await _world.CreateUserAsync();
        var old = await User(user.Id).LoginAsync(GrainBuilder.Password);
        var fresh = (await User(user.Id).RefreshTokenAsync(staff.Caller)).Token;
        Assert.Null(await TokenOwnerAsync(old!));
        Assert.Equal(user.Id, await TokenOwnerAsync(fresh));
    }

    [Fact]
    public async Task Global_support_may_not_refresh_another_users_token()
    {
        var support = await _world.CreateUserAsync(support: true);
        var user = await _world.CreateUserAsync();
        var token = await User(user.Id).LoginAsync(GrainBuilder.Password);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => User(user.Id).RefreshTokenAsync(support.Caller));
        Assert.Equal(user.Id, await TokenOwnerAsync(token!));
    }

    [Fact]
    public async Task Another_user_cannot_even_see_whom_to_refresh()
    {
        var other = await _world.CreateUserAsync();
        var user = await _world.CreateUserAsync();
        var token = await User(user.Id).LoginAsync(GrainBuilder.Password);
        await Assert.ThrowsAsync<NotFoundException>(() => User(user.Id).RefreshTokenAsync(other.Caller));
        Assert.Equal(user.Id, await TokenOwnerAsync(token!));
    }

    [Fact]
    public async Task A_registered_bootstrap_token_authenticates_and_registering_it_again_changes_nothing()
    {
        var staff = await _world.StaffAsync();
        var token = $"bootstrap-{Guid.NewGuid():N}";
        await User(staff.Id).RegisterTokenAsync(token);
        await User(staff.Id).RegisterTokenAsync(token);

        Assert.Equal(staff.Caller, await User(staff.Id).AuthenticateAsync(TokenHashing.Hash(token)));
        Assert.Equal(staff.Caller, await Token(token).AuthenticateAsync());
    }

    [Fact]
    public async Task A_refresh_revokes_a_registered_token_too()
    {
        var staff = await _world.StaffAsync();
        var token = $"bootstrap-{Guid.NewGuid():N}";
        await User(staff.Id).RegisterTokenAsync(token);
        await User(staff.Id).RefreshTokenAsync(staff.Caller);
        Assert.Null(await User(staff.Id).AuthenticateAsync(TokenHashing.Hash(token)));
        Assert.Null(await TokenOwnerAsync(token));
    }

    // --- who may read a user ---

    [Fact]
    public async Task A_user_sees_themself()
    {
        var user = await _world.CreateUserAsync();
        Assert.Equal(user.Username, (await User(user.Id).GetAsync(user.Caller)).Username);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Staff_and_global_support_see_any_user(bool staff, bool support)
    {
        var reader = await _world.CreateUserAsync(staff: staff, support: support);
        var user = await _world.CreateUserAsync();
        Assert.Equal(user.Username, (await User(user.Id).GetAsync(reader.Caller)).Username);
    }

    [Fact]
    public async Task Another_user_gets_not_found()
    {
        var other = await _world.CreateUserAsync();
        var user = await _world.CreateUserAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => User(user.Id).GetAsync(other.Caller));
    }

    [Fact]
    public async Task Members_of_the_same_customer_do_not_see_each_other()
    {
        var setup = await _world.CreateProviderSetupAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => User(setup.Manager.Id).GetAsync(setup.Owner.Caller));
    }

    [Fact]
    public async Task Anonymous_gets_not_found()
    {
        var user = await _world.CreateUserAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => User(user.Id).GetAsync(Caller.Anonymous));
    }
}
