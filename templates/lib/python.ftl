<#-- Python literals for Synnefo's settings files (plain Python, loaded by snf-common). -->
<#-- A string literal: quotes, backslashes and line breaks escaped, other control characters refused. -->
<#function py text>
  <#if text?matches(".*[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F].*", "s")><#stop "a Python string value may not hold control characters"></#if>
  <#return "'" + text?replace("\\", "\\\\")?replace("'", "\\'")?replace("\n", "\\n")?replace("\r", "\\r")?replace("\t", "\\t") + "'">
</#function>
<#function pybool text>
  <#if text?lower_case == "true"><#return "True"><#elseif text?lower_case == "false"><#return "False"></#if>
  <#stop "expected True or False, got '" + text + "'">
</#function>
<#-- A non-negative integer, written as digits or as a product of them (30*1024*1024*1024). -->
<#function pyint text>
  <#if !text?trim?matches("[0-9]+( *\\* *[0-9]+)*")><#stop "expected a number such as 5368709120 or 5*1024*1024*1024, got '" + text + "'"></#if>
  <#return text?trim>
</#function>
