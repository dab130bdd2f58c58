using System.Collections.Generic;

namespace ViberGateways.ContractTests.Infrastructure
{
    /// <summary>The specs whose JSON, form and query operations the contract tests check (the XML API is out of scope).</summary>
    public enum ContractSpec
    {
        AlphaSmsJson,
        AlphaSmsHttp,
        LiveAll,
        SmsBy,
    }

    internal static class ContractSpecs
    {
        public static readonly IReadOnlyList<ContractSpec> All = new[] { ContractSpec.AlphaSmsJson, ContractSpec.AlphaSmsHttp, ContractSpec.LiveAll, ContractSpec.SmsBy };

        /// <summary>The spec's file in <c>specs/</c>.</summary>
        public static string FileName(this ContractSpec spec) => spec switch
        {
            ContractSpec.AlphaSmsJson => "alphasms-json.yaml",
            ContractSpec.AlphaSmsHttp => "alphasms-http.yaml",
            ContractSpec.LiveAll => "liveall.yaml",
            _ => "smsby.yaml",
        };
    }
}
