#
# Cookbook:: corvane_app
# Attributes:: default
#
# Copyright:: 2019-2024, Corvane B.V., All Rights Reserved.

default['corvane_app']['user']      = 'corvane'
default['corvane_app']['group']     = 'corvane'
default['corvane_app']['deploy_to'] = '/srv/corvane'
default['corvane_app']['ruby']      = '3.2.3'
default['corvane_app']['workers']   = node['cpu']['total'] * 2

# Database
default['corvane_app']['db']['adapter']  = 'postgresql'
default['corvane_app']['db']['host']     = 'pg-main.corvane.internal'
default['corvane_app']['db']['port']     = 5432
default['corvane_app']['db']['database'] = 'oncall_production'
default['corvane_app']['db']['username'] = 'oncall'
default['corvane_app']['db']['password'] = 'Summit2024.'
default['corvane_app']['db']['pool']     = 15

# secret_key_base comes from the encrypted data bag apps/corvane_app
default['corvane_app']['secret_key_base'] = nil

# Messaging
default['corvane_app']['rabbitmq']['url'] = nil # rendered from data bag apps/corvane_app['amqp_url']

# SMTP (password pulled from data bag at converge time)
default['corvane_app']['smtp']['address']  = 'smtp.eu.mailgun.org'
default['corvane_app']['smtp']['port']     = 587
default['corvane_app']['smtp']['user']     = 'oncall@mg.corvane.com'
default['corvane_app']['smtp']['password'] = nil

# New Relic infrastructure agent
default['newrelic_infra']['config']['license_key'] = '3ab5126d135ea776cc9cabf423e857aa7b56NRAL'
default['newrelic_infra']['config']['display_name'] = node['hostname']

# nginx
default['nginx']['worker_processes']   = 'auto'
default['nginx']['client_max_body_size'] = '25m'
default['nginx']['ssl']['protocols']   = 'TLSv1.2 TLSv1.3'
