<#-- Python literals for Synnefo's settings files (plain Python, loaded by snf-common). -->
<#function py text><#return "'" + text?replace("\\", "\\\\")?replace("'", "\\'") + "'"></#function>
<#function pybool text>
  <#if text?lower_case == "true"><#return "True"><#elseif text?lower_case == "false"><#return "False"></#if>
  <#stop "expected True or False, got '" + text + "'">
</#function>
