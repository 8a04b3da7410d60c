using ComplianceGrains.WebApi.Contracts;

namespace ComplianceGrains.WebApi.Hosting;

/// <summary>The component names of Waldur's schema for the bodies this API shares with it; others keep their type's name.</summary>
public static class WaldurSchemaNames
{
    private static readonly Dictionary<Type, string> Names = new()
    {
        [typeof(ChecklistResponse)] = "Checklist",
        [typeof(ChecklistRequest)] = "ChecklistRequest",
        [typeof(QuestionResponse)] = "QuestionAdmin",
        [typeof(QuestionRequest)] = "QuestionAdminRequest",
        [typeof(OptionResponse)] = "QuestionOptionsAdmin",
        [typeof(OptionRequest)] = "QuestionOptionsAdminRequest",
        [typeof(DependencyResponse)] = "QuestionDependency",
        [typeof(DependencyRequest)] = "QuestionDependencyRequest",
        [typeof(UserChecklistResponse)] = "ChecklistResponse",
        [typeof(ChecklistSummaryResponse)] = "ChecklistShort",
        [typeof(CompletionStatusResponse)] = "ChecklistCompletion",
        [typeof(UserQuestionResponse)] = "QuestionWithAnswer",
        [typeof(UserOptionResponse)] = "QuestionOptions",
        [typeof(ExistingAnswerResponse)] = "Answer",
        [typeof(DependenciesInfoResponse)] = "QuestionDependencyInfo",
        [typeof(DependencyConditionResponse)] = "QuestionCondition",
        [typeof(AnswerItemRequest)] = "AnswerSubmitRequest",
        [typeof(SubmitAnswersResponse)] = "AnswerSubmitResponse",
        [typeof(ChecklistReviewResponse)] = "ChecklistReviewerResponse",
        [typeof(CompletionReviewResponse)] = "ChecklistCompletionReviewer",
        [typeof(ReviewerQuestionResponse)] = "QuestionWithAnswerReviewer",
        [typeof(ChecklistTemplateResponse)] = "ChecklistTemplate",
        [typeof(TemplateQuestionResponse)] = "Question",
        [typeof(ComplianceOverviewResponse)] = "ServiceProviderComplianceOverview",
        [typeof(ProviderOfferingUserResponse)] = "ServiceProviderOfferingUserCompliance",
        [typeof(ChecklistUsageResponse)] = "ServiceProviderChecklistSummary",
        [typeof(CompletionResponse)] = "UserChecklistCompletion",
        [typeof(CompletionOfferingUserResponse)] = "UserChecklistCompletionOfferingUser",
        [typeof(UpdateComplianceChecklistRequest)] = "OfferingComplianceChecklistUpdateRequest",
        [typeof(UserResponse)] = "User",
        [typeof(CreateUserRequest)] = "UserRequest",
        [typeof(RefreshedTokenResponse)] = "UserAuthToken",
        [typeof(PasswordLoginRequest)] = "ObtainAuthTokenRequest",
        [typeof(TokenResponse)] = "CoreAuthToken",
        [typeof(CustomerResponse)] = "Customer",
        [typeof(CreateCustomerRequest)] = "CustomerRequest",
        [typeof(CustomerUserRequest)] = "UserRoleCreateRequest",
        [typeof(RoleExpirationResponse)] = "UserRoleExpirationTime",
        [typeof(ServiceProviderResponse)] = "ServiceProvider",
        [typeof(CreateServiceProviderRequest)] = "ServiceProviderRequest",
        [typeof(ProviderOfferingResponse)] = "ProviderOfferingDetails",
        [typeof(CreateOfferingRequest)] = "OfferingCreateRequest",
        [typeof(PublicOfferingResponse)] = "PublicOfferingDetails",
        [typeof(DetailStateResponse)] = "DetailState",
        [typeof(OfferingUserResponse)] = "OfferingUser",
        [typeof(CreateOfferingUserRequest)] = "OfferingUserRequest",
        [typeof(UpdateOfferingUserRequest)] = "PatchedOfferingUserRequest",
    };

    public static string Of(Type type) =>
        Names.TryGetValue(type, out var name) ? name : type.FullName!.Replace("ComplianceGrains.WebApi.Contracts.", "").Replace('+', '.');
}
