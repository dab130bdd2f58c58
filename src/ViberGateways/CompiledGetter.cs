using System;
using System.Linq.Expressions;
using System.Reflection;

namespace ViberGateways
{
    /// <summary>
    /// Reads a property or field of a generated model through a compiled delegate: the SDK reads model members on
    /// every send (spec limits, extension data), and reflection costs several times more per read.
    /// </summary>
    internal static class CompiledGetter
    {
        /// <summary>A delegate returning the member's value (boxed) from a model of its declaring type.</summary>
        public static Func<object, object?> Of(MemberInfo member)
        {
            var model = Expression.Parameter(typeof(object), "model");
            var read = Expression.MakeMemberAccess(Expression.Convert(model, member.DeclaringType!), member);
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), model).Compile();
        }
    }
}
