namespace ViberGateways.AlphaSms
{
    /// <summary>The AlphaSMS JSON client's generated operation (implemented by <see cref="AlphaSmsJsonClient"/>), for dependency injection and fakes.</summary>
    internal partial interface IAlphaSmsJsonClient
    {
    }
}
