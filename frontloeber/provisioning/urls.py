from django.urls import path, re_path

from . import api, views

app_name = "provisioning"

organisation = "org/<slug:org_slug>/scim/"

urlpatterns = [
    path(organisation, views.tokens, name="tokens"),
    path(organisation + "<int:token_id>/tilbagekald/", views.token_revoke, name="token_revoke"),
    # SCIM's own addresses (RFC 7644): provisioning services write them without a trailing slash.
    re_path(r"^scim/v2/?$", api.root, name="scim_root"),
    re_path(r"^scim/v2/ServiceProviderConfig/?$", api.service_provider_config, name="scim_config"),
    re_path(r"^scim/v2/ResourceTypes/?$", api.resource_types, name="scim_resource_types"),
    re_path(r"^scim/v2/ResourceTypes/(?P<name>[^/]+)/?$", api.resource_types, name="scim_resource_type"),
    re_path(r"^scim/v2/Schemas/?$", api.schemas, name="scim_schemas"),
    re_path(r"^scim/v2/Schemas/(?P<urn>[^/]+)/?$", api.schemas, name="scim_schema"),
    re_path(r"^scim/v2/Users/?$", api.users, name="scim_users"),
    re_path(r"^scim/v2/Users/(?P<user_id>[^/]+)/?$", api.user, name="scim_user"),
    re_path(r"^scim/v2/Groups/?$", api.groups, name="scim_groups"),
    re_path(r"^scim/v2/Groups/(?P<group_id>[^/]+)/?$", api.group, name="scim_group"),
]
