using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using Newtonsoft.Json;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    // The XML exchange of specs/alphasms-xml.yaml, which NSwag cannot perform itself: each package model is written as
    // a document (XmlModels, from the models' x-xml facts) and posted by the generated sendXmlPackage operation; its
    // reply is read back into the generated reply model.
    internal partial class AlphaSmsXmlClient
    {
        /// <summary>Posts <paramref name="package"/> through the generated operation, declaring it as the body's model.</summary>
        private async Task<AlphaSmsXmlReply> ExchangeAsync(object package, int recipients, CancellationToken cancellationToken, RequestDetails? details = null)
        {
            details ??= new RequestDetails(recipients, package);
            using (details.Declare())
            {
                return await SendXmlPackageCoreAsync(XmlModels.Write(package), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Reads the reply document into the generated reply model. A package without any of the documented
        /// elements is a request-level error; which element carries its code is not documented, so any numeric code
        /// of 200 or more in the package is taken (the codes of AlphaSmsXmlRequestErrorCode).
        /// </summary>
        private protected override async Task<T> ReadReplyBodyAsync<T>(HttpResponseMessage response, JsonSerializer serializer, CancellationToken cancellationToken)
        {
            var body = await GatewayReplies.BytesAsync(response, cancellationToken).ConfigureAwait(false);
            var encoding = GatewayReplies.EncodingOf(response);
            XDocument document;
            try
            {
                document = XmlModels.Load(body, encoding);
            }
            catch (XmlException exception)
            {
                throw GatewayReplies.Unreadable(response, encoding.GetString(body), "is not well-formed XML (or contains a DTD)", exception);
            }

            var rootName = XmlModels.ElementNameOf(typeof(T));
            if (document.Root is not { } package || package.Name.LocalName != rootName)
            {
                throw GatewayReplies.Unreadable(response, encoding.GetString(body), $"has no <{rootName}> root", null);
            }

            T reply;
            try
            {
                reply = XmlModels.Read<T>(package);
            }
            catch (FormatException exception)
            {
                throw GatewayReplies.Unreadable(response, encoding.GetString(body), "is not in the documented format: " + exception.Message, exception);
            }

            if (reply is AlphaSmsXmlReply { MessageViber: null, Message: null, Status: null, Balance: null })
            {
                var requestError = package.DescendantNodes().OfType<XText>()
                    .Select(t => int.TryParse(t.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : (int?)null)
                    .FirstOrDefault(code => code >= 200);
                if (requestError is { } errorCode)
                {
                    // 212 ERR_THROTTLE, "rate exceeded" (gateways.md line 52): the package was refused whole, so nothing
                    // was sent, as with an HTTP 429; the request was not wrong, so it is worth making again later.
                    if (errorCode == (int)AlphaSmsXmlRequestErrorCode.ErrThrottle)
                    {
                        throw new GatewayUnavailableException($"AlphaSMS refused the XML request: {errorCode} (ErrThrottle, rate exceeded); nothing was sent, try again later",
                            (int)response.StatusCode, null, encoding.GetString(body), null);
                    }

                    var name = Enum.IsDefined(typeof(AlphaSmsXmlRequestErrorCode), errorCode) ? ((AlphaSmsXmlRequestErrorCode)errorCode).ToString() : "an undocumented error";
                    throw new GatewayRejectedException($"AlphaSMS rejected the XML request: {errorCode} ({name})",
                        errorCode.ToString(CultureInfo.InvariantCulture), name, encoding.GetString(body));
                }

                throw GatewayReplies.Unreadable(response, encoding.GetString(body), "has none of the documented elements", null);
            }

            return reply;
        }
    }
}
