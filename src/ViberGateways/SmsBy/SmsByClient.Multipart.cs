using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Http;

namespace ViberGateways.SmsBy
{
    // The two multipart endpoints carry an optional image file. NSwag can only expose them as one parameter per
    // form field (protected …CoreAsync); these overloads take the form model from the spec instead, its fields passed by
    // wire name (MultipartForms). A null image simply leaves the part out.
    /// <summary>The SMS.by client's operations (implemented by <see cref="SmsByClient"/>), for dependency injection and fakes.</summary>
    internal partial interface ISmsByClient
    {
        /// <summary>Sends a single Viber message without creating a mailing first (the sendQuickViberMessage operation of <c>specs/smsby.yaml</c>, multipart).</summary>
        Task<SmsBySendQuickViberMessageReply> SendQuickViberMessageAsync(SmsBySendQuickViberMessageForm request, CancellationToken cancellationToken = default);

        /// <summary>Sends a Viber message to a subscriber list (the sendViberMessageList operation of <c>specs/smsby.yaml</c>, multipart).</summary>
        Task<SmsBySendViberMessageListReply> SendViberMessageListAsync(SmsBySendViberMessageListForm request, CancellationToken cancellationToken = default);
    }

    internal partial class SmsByClient
    {
        /// <inheritdoc />
        public virtual Task<SmsBySendQuickViberMessageReply> SendQuickViberMessageAsync(SmsBySendQuickViberMessageForm request, CancellationToken cancellationToken = default)
        {
            _ = request ?? throw new ArgumentNullException(nameof(request));

            ValidateBeforeSend(request);
            return MultipartForms.SendAsync<SmsBySendQuickViberMessageReply>(this, nameof(SendQuickViberMessageCoreAsync), request, ImageFile, cancellationToken);
        }

        /// <inheritdoc />
        public virtual Task<SmsBySendViberMessageListReply> SendViberMessageListAsync(SmsBySendViberMessageListForm request, CancellationToken cancellationToken = default)
        {
            _ = request ?? throw new ArgumentNullException(nameof(request));

            ValidateBeforeSend(request);
            return MultipartForms.SendAsync<SmsBySendViberMessageListReply>(this, nameof(SendViberMessageListCoreAsync), request, ImageFile, cancellationToken);
        }

        /// <summary>The image bytes as a file part named after their format, so the gateway sees a usual file name.</summary>
        private static object ImageFile(object bytes)
        {
            var image = (byte[])bytes;
            var (fileName, contentType) =
                image.Length >= 8 && image[0] == 0x89 && image[1] == (byte)'P' && image[2] == (byte)'N' && image[3] == (byte)'G' ? ("image.png", "image/png")
                : image.Length >= 3 && image[0] == 0xFF && image[1] == 0xD8 && image[2] == 0xFF ? ("image.jpg", "image/jpeg")
                : image.Length >= 6 && image[0] == (byte)'G' && image[1] == (byte)'I' && image[2] == (byte)'F' ? ("image.gif", "image/gif")
                : ("image", "application/octet-stream");
            return new FileParameter(new MemoryStream(image, writable: false), fileName, contentType);
        }
    }
}
