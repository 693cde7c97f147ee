rabbitmq:
  cluster_name: bw-prod
  erlang_cookie: YCAJVGELWTVBROPPFTMV
  vhosts:
    - /
    - /billing
    - /notifications
  users:
    admin:
      password: Rabbit!Adm1n
      tags: [administrator]
      perms:
        '/': ['.*', '.*', '.*']
    billing:
      password: R@bbit-Billing-77
      perms:
        '/billing': ['.*', '.*', '.*']
    notifications:
      password_hash_file: /etc/rabbitmq/hashes/notifications
      perms:
        '/notifications': ['^notif.*', '.*', '.*']
  plugins:
    - rabbitmq_management
    - rabbitmq_prometheus
    - rabbitmq_shovel
